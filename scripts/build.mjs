// Bundles the three entry points with ncc into dist/ (index.js, post.js, cli.js + shared chunks).
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const entries = ['index', 'post', 'cli']
const ncc = join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
rmSync('dist', { recursive: true, force: true })
for (const entry of entries) {
  if (!existsSync(`src/${entry}.ts`)) continue
  const out = mkdtempSync(join(tmpdir(), `ncc-${entry}-`))
  execFileSync(process.execPath, [ncc, 'build', `src/${entry}.ts`, '-o', out, '--target', 'es2022', '--license', 'licenses.txt', '-q'], { stdio: 'inherit' })
  const target = join('dist', entry)
  cpSync(out, target, { recursive: true })
  rmSync(out, { recursive: true, force: true })
  renameSync(join(target, 'index.js'), join(target, `${entry}.js`))
}
// action.yml and package.json `bin` point at dist/<entry>.js: small shims keep each bundle and its chunks in their own folder.
for (const entry of readdirSync('dist')) {
  const shebang = entry === 'cli' ? '#!/usr/bin/env node\n' : ''
  writeFileSync(join('dist', `${entry}.js`), `${shebang}import './${entry}/${entry}.js'\n`)
}
writeFileSync(join('dist', 'package.json'), '{\n  "type": "module"\n}\n')
