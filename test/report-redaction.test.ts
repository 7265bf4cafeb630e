/**
 * Issue 17 item 3: nothing in a report carries a secret or markup. Unit level: the deep redaction, the
 * summary's escaping (rendered by micromark with GitHub's extensions, as GitHub renders it) and the
 * keyed fingerprint. End to end (dist/cli.js and dist/index.js): an issuer that echoes the bearer token
 * in its identity answer and the admin credential in `created_by`.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { beforeAll, describe, expect, it } from 'vitest'
import { credential, json } from './emulators/base.js'
import { newFingerprintKey, tokenFingerprint } from '../src/report/fingerprint.js'
import { redactReport } from '../src/report/redact-report.js'
import { codeSpan, escapeMarkdown, summaryMarkdown } from '../src/report/markdown.js'
import { type Report } from '../src/report/report.js'
import { Redactor } from '../src/shared/redact.js'
import { leakedForms, runAction, runCli } from './helpers/run-dist.js'
import { ACCOUNTS, useWorld } from './helpers/world.js'

const render = (md: string) => micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()] })

const PHISH =
  '[sign in again](https://evil.example/login) <img src="https://evil.example/t.gif"> https://evil.example www.evil.example a@evil.example **bold** ![x](https://evil.example/i.png)'

function report(over: Partial<Report> = {}): Report {
  return {
    outcome: 'rotated',
    mode: 'rotate',
    issuer: 'http',
    dryRun: false,
    destinations: [],
    revokedIds: [],
    keptIds: [],
    notes: [],
    startedAt: '2026-12-04T00:00:00.000Z',
    finishedAt: '2026-12-04T00:00:01.000Z',
    requests: { total: 1, retries: 0, rateLimited: 0 },
    ...over,
  }
}

describe('redactReport', () => {
  it('redacts every string at any depth, keys included, and leaves other values', () => {
    const redactor = new Redactor()
    redactor.add('s3cret-value-0123456789')
    const r = report({
      token: { id: 'id-s3cret-value-0123456789', name: 'n', verifiedAs: 'me (s3cret-value-0123456789)' },
      origin: { 's3cret-value-0123456789': 'x' },
      audit: {
        tokens: [
          { id: 'a', name: 'b', createdAt: 'c', ageDays: 3, createdBy: 'by s3cret-value-0123456789', newest: true },
        ],
        findings: [],
      },
      notes: [Buffer.from('s3cret-value-0123456789').toString('base64')],
    })
    const out = redactReport(r, (t) => redactor.redact(t))
    const text = JSON.stringify(out)
    expect(text).not.toContain('s3cret-value-0123456789')
    expect(text).not.toContain(Buffer.from('s3cret-value-0123456789').toString('base64'))
    expect(out.token?.verifiedAs).toBe('me (***)')
    expect(out.audit?.tokens[0]).toMatchObject({ ageDays: 3, newest: true, createdBy: 'by ***' })
    expect(out.requests).toEqual(r.requests)
  })
})

describe('the job summary renders untrusted text as text', () => {
  it('no link, image, HTML or emphasis forms from an identity, an error, a note, a detail or created_by', () => {
    const md = summaryMarkdown(
      report({
        token: { id: 'id`<b>x</b>`', name: 'name``|<i>', verifiedAs: PHISH, expiresAt: PHISH },
        error: PHISH,
        notes: [PHISH],
        origin: { actor: PHISH },
        destinations: [{ id: 'github:repo/a/b', name: 'S', status: 'failed', detail: PHISH }],
        audit: {
          tokens: [{ id: 'x` | <img src=y>', name: '``', createdAt: 'c', ageDays: 1, createdBy: PHISH, newest: true }],
          findings: [{ id: 'x', name: '`]', kind: 'unused', detail: PHISH }],
        },
        keptIds: ['`a`'],
      }),
    )
    const html = render(md)
    expect(html).not.toMatch(/<a |<img|<b>|<i>|<strong>bold/)
    // The text itself is still there, readable.
    expect(html).toContain(
      '[sign in again](https://evil.example/login) &lt;img src=&quot;https://evil.example/t.gif&quot;&gt;',
    )
    // Every row of the tables has the columns it was given: no pipe broke out of a code span.
    const rows = html.match(/<tr>[\s\S]*?<\/tr>/g)!
    expect(rows.map((r) => (r.match(/<t[dh]>/g) ?? []).length)).toEqual([4, 4, 6, 6])
  })

  it('a code span holds any name or id whole', () => {
    for (const text of ['a`b', '``', '`x`', ' lead', 'a | b', 'x</code><b>y</b>'])
      expect(render(codeSpan(text, false))).toBe(
        `<p><code>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code></p>`,
      )
    expect(render(escapeMarkdown('<script>x</script> [a](b)'))).toBe('<p>&lt;script&gt;x&lt;/script&gt; [a](b)</p>')
  })
})

describe('tokenFingerprint', () => {
  it('is stable for one run and set, differs across runs and sets', () => {
    const key = newFingerprintKey()
    expect(tokenFingerprint('value-1', key, 'set')).toBe(tokenFingerprint('value-1', key, 'set'))
    expect(tokenFingerprint('value-1', key, 'set')).toMatch(/^hmac-sha256:[0-9a-f]{16}$/)
    expect(tokenFingerprint('value-2', key, 'set')).not.toBe(tokenFingerprint('value-1', key, 'set'))
    expect(tokenFingerprint('value-1', key, 'other')).not.toBe(tokenFingerprint('value-1', key, 'set'))
    expect(tokenFingerprint('value-1', newFingerprintKey(), 'set')).not.toBe(tokenFingerprint('value-1', key, 'set'))
  })

  it('a weak token is not found by a dictionary: the unkeyed prefix was, the keyed one is not', () => {
    const dictionary = ['password', 'letmein', 'hunter2', 'changeme', 'Summer2026!', 'static-token-1234']
    const weak = 'hunter2'
    const unkeyed = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex').slice(0, 12)}`
    // Yesterday's fingerprint: one hash per guess finds it.
    expect(dictionary.find((g) => unkeyed(g) === unkeyed(weak))).toBe(weak)
    const key = newFingerprintKey()
    const published = tokenFingerprint(weak, key, 'gh.acme.api.static-token')
    // The attacker knows the set name and the scheme, not the key: every key they can think of misses.
    const guessedKeys = ['', 'gh.acme.api.static-token', Buffer.alloc(32).toString('base64url'), newFingerprintKey()]
    const hits = dictionary.flatMap((g) =>
      guessedKeys.filter((k) => tokenFingerprint(g, k, 'gh.acme.api.static-token') === published),
    )
    expect(hits).toEqual([])
    expect(JSON.stringify({ published })).not.toContain(key)
  })
})

describe('an issuer that echoes credentials into every answer (dist)', () => {
  const world = useWorld()
  const { gh, http } = world
  let admin: string
  beforeAll(() => {
    gh.addRepo('acme', 'echo')
    admin = http.addAdminToken()
    // /whoami names the caller by its bearer token, with markup; the list says the admin credential made each token.
    http.guards.push((r) =>
      r.method === 'GET' && r.path === '/whoami' && http.isValid(credential(r) ?? '')
        ? json(200, { name: `${credential(r)} ${PHISH}`, scope: 'workspace', role: 'deployer' })
        : { status: 0 },
    )
    http.guards.push((r) =>
      r.method === 'GET' && r.path === '/tokens'
        ? json(200, {
            items: http
              .tokens()
              .filter((t) => !t.revoked && t.name.startsWith(r.query.get('name_prefix') ?? ''))
              .map((t) => ({
                id: t.id,
                name: t.name,
                created_at: t.created_at,
                expires_at: t.expires_at,
                enabled: t.enabled,
                created_by_email: `${admin} <img src=x>`,
              })),
          })
        : { status: 0 },
    )
  })

  const inputs = () => ({
    issuer: 'http',
    'issuer-url': http.url,
    'token-name': 'echo-set',
    'secret-name': 'ECHO_TOKEN',
    'token-role': 'deployer',
    'github-api-url': gh.url,
    destinations: 'github:repo/acme/echo',
  })
  const env = () => ({
    TOKEN_ACTION_ISSUER_TOKEN: admin,
    TOKEN_ACTION_GITHUB_TOKEN: ACCOUNTS.githubToken,
    ...Object.fromEntries(
      Object.entries(inputs()).map(([k, v]) => [`TOKEN_ACTION_${k.toUpperCase().replace(/-/g, '_')}`, v]),
    ),
  })

  it('CLI: the printed summary, --json and report-file carry neither the new token nor the admin credential', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'token-action-echo-'))
    const file = join(dir, 'report.json')
    const printed = await runCli(['create', '--report-file', file], { env: env() })
    expect(printed.code, printed.log).toBe(0)
    const token = gh.secretValue({ repo: 'acme/echo' }, 'ECHO_TOKEN')!
    expect(printed.log).toMatch(/verified as \*\*\* \[sign in again\]/)
    const asJson = await runCli(['create', '--json'], { env: env() })
    const second = gh.secretValue({ repo: 'acme/echo' }, 'ECHO_TOKEN')!
    const audit = await runCli(['audit', '--json'], { env: env() })
    expect(JSON.parse(audit.stdout).audit.tokens[0].createdBy).toBe('*** <img src=x>')
    for (const [text, secret] of [
      [printed.log, token],
      [readFileSync(file, 'utf8'), token],
      [asJson.log, second],
    ] as const)
      expect(leakedForms(secret, text)).toEqual([])
    for (const text of [printed.log, readFileSync(file, 'utf8'), asJson.log, audit.log])
      expect(leakedForms(admin, text)).toEqual([])
  })

  it('Action: the report output and the job summary carry neither, and the summary renders no markup', async () => {
    const run = await runAction({
      ...inputs(),
      mode: 'create',
      'issuer-token': admin,
      'github-token': ACCOUNTS.githubToken,
    })
    expect(run.code, run.log).toBe(0)
    const token = gh.secretValue({ repo: 'acme/echo' }, 'ECHO_TOKEN')!
    expect(leakedForms(token, run.outputs.report!)).toEqual([])
    expect(leakedForms(token, run.summary)).toEqual([])
    expect(JSON.parse(run.outputs.report!).token.verifiedAs).toMatch(/^\*\*\* \[sign in/)
    expect(render(run.summary)).not.toMatch(/<a |<img|<strong>sign/)
  })
})
