import { post } from './bundle/bundle.js'

await post()
