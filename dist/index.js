import './index/index.js'
