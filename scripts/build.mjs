// Bundles src/bundle.ts with ncc into dist/bundle/, then writes the three entry points the runner
// and npm use (action.yml main/post, package.json bin) as shims calling into that one bundle.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ncc = join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
const out = mkdtempSync(join(tmpdir(), 'ncc-'))
execFileSync(
  process.execPath,
  [ncc, 'build', 'src/bundle.ts', '-o', out, '--target', 'es2022', '--license', 'licenses.txt', '-q'],
  { stdio: 'inherit' },
)
rmSync('dist', { recursive: true, force: true })
cpSync(out, join('dist', 'bundle'), { recursive: true })
rmSync(out, { recursive: true, force: true })
renameSync(join('dist', 'bundle', 'index.js'), join('dist', 'bundle', 'bundle.js'))
const shims = {
  'index.js': "import { run } from './bundle/bundle.js'\n\nawait run()\n",
  'post.js': "import { post } from './bundle/bundle.js'\n\nawait post()\n",
  'cli.js': "#!/usr/bin/env node\nimport { cli } from './bundle/bundle.js'\n\nawait cli(process.argv)\n",
}
for (const [file, text] of Object.entries(shims))
  writeFileSync(join('dist', file), text, { mode: file === 'cli.js' ? 0o755 : 0o644 })
writeFileSync(join('dist', 'package.json'), '{\n  "type": "module"\n}\n')
