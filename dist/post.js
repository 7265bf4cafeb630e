import './post/post.js'
