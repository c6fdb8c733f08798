// The package users install, built for real and opened from outside. electron-builder (`--linux dir`) packs the
// built dist/ with electron-builder.yml, taking a stand-in Electron distribution (scripts/stand-in-electron-dist.mjs)
// in place of the binary this machine cannot download; the stand-in carries Electron's fuse wire, so the fuses
// electron-builder flips are read back. Then app.asar is listed (the bundles, the sample and exactly the production
// dependencies, with no sources, tests, docs or source maps) and unpacked into a temporary folder with no
// node_modules above it, where the main bundle boots under the stand-in `electron` module and imports a web page,
// a Markdown file and a text file through the real handlers, and the command line runs on plain Node.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractAll, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { parse } from 'yaml';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const material = join(repo, 'test', 'package', 'material');
const PAGE = join(material, 'harbour-plan.html');
const MARKDOWN = join(material, 'ferry-timetable.md');
const TEXT = join(material, 'council-minutes.txt');
const SAMPLE_TITLE = 'Miliband: bilateral differences will not obscure our relationship';

/** What the importers make of the test material (written for this test): the article alone, no page furniture. */
const PAGE_TEXT = [
  'The town council voted on Tuesday to approve the new harbour plan after a long debate about the cost of ' +
    'dredging the eastern channel, which has silted up since the storms of last winter.',
  'Supporters said the plan would bring the ferries back to the old quay, while opponents warned that the budget ' +
    'left nothing for repairs to the sea wall along the western beach.',
  'The mayor said the first work would begin in the spring and that residents would be consulted on the design ' +
    'of the promenade before any contract is signed.',
].join('\n\n');
const MARKDOWN_TEXT = [
  'The harbour board asks residents to comment on the winter timetable before the end of the month.',
  'Morning sailings would leave at seven instead of eight.',
  'The last evening sailing would be dropped on Sundays.',
  'Comments can be left at the harbour office on the old quay.',
].join('\n\n');
const TEXT_TEXT = [
  'The committee agreed to publish the dredging survey for the eastern channel in March.',
  'Councillor Penrose asked that the sea wall repairs be costed separately.',
].join('\n\n');
/** Words of the page that are not the article: navigation, adverts, sidebar, footer. */
const FURNITURE = ['Subscribe now', 'Weather', 'Most read', 'holiday cottages', 'All rights reserved'];

const config = parse(readFileSync(join(repo, 'electron-builder.yml'), 'utf8')) as {
  electronFuses: Record<string, boolean>;
  linux: { executableName: string };
  productName: string;
};
const built =
  existsSync(join(repo, 'dist', 'main', 'index.cjs')) && existsSync(join(repo, 'dist', 'cli.cjs'));
const needsBuild = {
  skip:
    (!built && 'dist/ is not built: run npm run build') ||
    // electron.build, Multi Platform Build: Windows builds Windows packages only. Its runner builds the installer.
    (process.platform === 'win32' && 'electron-builder does not build Linux packages on Windows'),
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** Every file under `dir`, as a path relative to it with `/` separators. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      relative(dir, join(entry.parentPath ?? entry.path, entry.name))
        .split(sep)
        .join('/'),
    )
    .sort();
}

interface PackageEntry {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}
/** Packages by folder (`node_modules/a/node_modules/b`), as package-lock.json lists them. */
type Tree = Map<string, PackageEntry>;

const nameOf = (key: string) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);

/** The folder Node loads `name` from when `from` requires it: the nearest node_modules going up, or undefined. */
function locate(tree: Tree, from: string, name: string): string | undefined {
  for (let at = from; ; at = at.slice(0, Math.max(0, at.lastIndexOf('/node_modules/')))) {
    const key = `${at ? `${at}/` : ''}node_modules/${name}`;
    if (tree.has(key)) return key;
    if (!at) return undefined;
  }
}

/** What a package needs at run time: its dependencies and required peers; `optional` ones may be missing. */
function needs(entry: PackageEntry): { required: string[]; optional: string[] } {
  return {
    required: [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}).filter(
        (name) => !entry.peerDependenciesMeta?.[name]?.optional,
      ),
    ],
    optional: Object.keys(entry.optionalDependencies ?? {}),
  };
}

const lockTree: Tree = new Map(
  Object.entries(
    (
      JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as {
        packages: Record<string, PackageEntry>;
      }
    ).packages,
  ),
);

/** Optional dependencies electron-builder.yml leaves out: PDF.js's native canvas, which reading text never needs. */
const LEFT_OUT = (name: string) => name.startsWith('@napi-rs/');

/**
 * The production dependency closure from package-lock.json: the root's `dependencies`, then what each of those
 * needs, each found as Node finds it, less the optional packages left out (LEFT_OUT). Returns lockfile keys.
 */
function productionClosure(): Set<string> {
  const closure = new Set<string>();
  const visit = (key: string) => {
    const { required, optional } = needs(lockTree.get(key)!);
    for (const name of [...required, ...optional.filter((name) => !LEFT_OUT(name))]) {
      const found = locate(lockTree, key, name);
      if (!found && optional.includes(name)) continue;
      assert.ok(found, `package-lock.json has no ${name} for ${key || 'the root'}`);
      if (closure.has(found)) continue;
      closure.add(found);
      visit(found);
    }
  };
  visit('');
  return closure;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the package electron-builder makes', needsBuild, () => {
  let dir: string;
  let unpacked: string;
  let asarPath: string;
  let app: string;
  let builder: Run;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-package-'));
    const electronDist = join(dir, 'electron-dist');
    const script = join(repo, 'scripts', 'stand-in-electron-dist.mjs');
    const standIn = await run(process.execPath, [script, electronDist], { cwd: repo });
    assert.equal(standIn.code, 0, standIn.stderr);
    builder = await run(
      process.execPath,
      [
        join(repo, 'node_modules', 'electron-builder', 'cli.js'),
        '--linux',
        'dir',
        `-c.electronDist=${electronDist}`,
        `-c.directories.output=${join(dir, 'release')}`,
        // No native modules ship, so there is nothing to rebuild.
        '-c.npmRebuild=false',
      ],
      { cwd: repo },
    );
    assert.equal(builder.code, 0, `electron-builder failed:\n${builder.stdout}\n${builder.stderr}`);
    unpacked = join(dir, 'release', 'linux-unpacked');
    asarPath = join(unpacked, 'resources', 'app.asar');
    app = join(dir, 'app');
    extractAll(asarPath, app);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('app.asar holds the bundles, the sample, package.json and exactly the production dependencies', () => {
    const files = filesUnder(app);
    const listed = new Set(listPackage(asarPath, { isPack: false }).map((path) => path.slice(1)));
    assert.deepEqual(
      files.filter((path) => !listed.has(path)),
      [],
      'the unpacked folder is what app.asar lists',
    );

    const own = files.filter((path) => !path.startsWith('node_modules/'));
    const expected = [
      'package.json',
      ...filesUnder(join(repo, 'dist'))
        .filter((path) => !path.endsWith('.map'))
        .map((path) => `dist/${path}`),
      ...filesUnder(join(repo, 'assets')).map((path) => `assets/${path}`),
    ].sort();
    assert.deepEqual(own, expected);
    for (const runtime of [
      'dist/main/index.cjs',
      'dist/main/import-worker.cjs',
      'dist/preload/index.cjs',
      'dist/cli.cjs',
      'dist/renderer/index.html',
      'dist/renderer/app.js',
      'dist/renderer/app.css',
      'assets/sample-miliband-lavrov.txt',
    ]) {
      assert.ok(own.includes(runtime), `${runtime} is in the package`);
    }

    // node_modules: the same packages at the same versions as package-lock.json's production closure (electron-builder
    // may lay them out flatter), and every package finds the very versions it finds in development.
    const closure = productionClosure();
    assert.ok(closure.has('node_modules/jsdom'));
    assert.ok(closure.has('node_modules/pdfjs-dist'));
    assert.ok(!files.some((path) => path.startsWith('node_modules/@napi-rs/')), 'no native canvas ships');
    const shipped: Tree = new Map(
      files
        .filter((path) =>
          /^(node_modules\/(@[^/]+\/)?[^/]+\/)*node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/.test(path),
        )
        .map((path) => [dirname(path), JSON.parse(readFileSync(join(app, path), 'utf8')) as PackageEntry]),
    );
    const named = (tree: Tree, key: string) => `${nameOf(key)}@${tree.get(key)!.version}`;
    assert.deepEqual(
      [...shipped.keys()].map((key) => named(shipped, key)).sort(),
      [...closure].map((key) => named(lockTree, key)).sort(),
    );
    /** The package's folder for a package-lock.json key: the one with the same name and version. */
    const shippedAs = (lockKey: string) =>
      [...shipped.keys()].find((key) => named(shipped, key) === named(lockTree, lockKey))!;
    for (const [key, entry] of shipped) {
      const inLock = [...closure].find((lockKey) => shippedAs(lockKey) === key)!;
      const { required, optional } = needs(entry);
      for (const name of [...required, ...optional.filter((name) => !LEFT_OUT(name))]) {
        const there = locate(shipped, key, name);
        const here = locate(lockTree, inLock, name);
        if (!here && optional.includes(name)) continue;
        assert.ok(there, `${key} finds ${name} in the package`);
        assert.equal(
          shipped.get(there)!.version,
          lockTree.get(here!)!.version,
          `${key} finds ${name}'s version`,
        );
      }
    }

    // No sources, type declarations, source maps, docs or tests; every licence stays.
    const isLicence = (path: string) => /^licen[cs]e/i.test(basename(path));
    const unwanted = files.filter(
      (path) =>
        /\.(map|ts|mts|cts|tsx|tsbuildinfo)$/.test(path) ||
        (/\.(md|markdown)$/i.test(path) && !isLicence(path)) ||
        path.split('/').some((part) => ['test', 'tests', '__tests__', 'docs'].includes(part)),
    );
    assert.deepEqual(unwanted, []);
    for (const key of closure) {
      for (const name of readdirSync(join(repo, key)).filter(isLicence)) {
        assert.ok(files.includes(`${shippedAs(key)}/${name}`), `${key}/${name} ships`);
      }
    }
  });

  test("the fuses read back exactly as electron-builder.yml's electronFuses sets them", async () => {
    const binary = join(unpacked, config.linux.executableName);
    const wire = await getCurrentFuseWire(binary);
    const before = await getCurrentFuseWire(join(dir, 'electron-dist', 'electron'));
    // Not a fuse: an option of electron-builder's fuse step, which re-signs a macOS app ad hoc after the flip. The
    // unsigned macOS builds need it, or Apple silicon will not launch the flipped binary (see electron-builder.yml).
    const { resetAdHocDarwinSignature, ...settings } = config.electronFuses;
    assert.equal(resetAdHocDarwinSignature, true, 'the unsigned macOS app is re-signed after the fuses flip');
    const fuses = Object.entries(settings);
    assert.ok(fuses.length > 0);
    let flipped = 0;
    for (const [name, value] of fuses) {
      const option = (name[0]!.toUpperCase() + name.slice(1)) as keyof typeof FuseV1Options;
      assert.equal(
        typeof FuseV1Options[option],
        'number',
        `electronFuses.${name} is one of Electron's fuses`,
      );
      const expected = value ? '1'.charCodeAt(0) : '0'.charCodeAt(0);
      assert.equal(wire[FuseV1Options[option]], expected, `${name} is ${value}`);
      if (before[FuseV1Options[option]] !== expected) flipped++;
    }
    // The stand-in starts with Electron's defaults, so electron-builder flipped these itself.
    assert.ok(flipped >= 5, `only ${flipped} fuses differ from Electron's defaults`);
    assert.match(builder.stdout, /executing @electron\/fuses/);
  });

  test(
    "electron-builder's deb target accepts the metadata: a maintainer and a homepage",
    {
      skip:
        process.platform !== 'linux' &&
        'the deb is built on the Linux runner; elsewhere electron-builder first downloads its Linux tools',
    },
    async () => {
      // electron-builder refuses to build a deb without a maintainer (package.json's author with an email, or
      // linux.maintainer) and a project homepage, and says so only when it builds the deb, which `--linux dir`
      // above does not. Its real deb target runs here on a copy of the folder built above, with a stand-in fpm
      // (CUSTOM_FPM_PATH) in place of the one it would download: the stand-in writes down the arguments, the
      // after-install script and the .desktop entry it was given, and an empty package where fpm would write the deb.
      const prepackaged = join(dir, 'deb-input');
      await cp(unpacked, prepackaged, { recursive: true });
      const fpm = join(dir, 'stand-in-fpm');
      await writeFile(
        fpm,
        `#!${process.execPath}
const { readFileSync, writeFileSync } = require('node:fs');
const args = process.argv.slice(2);
const deb = args[args.indexOf('--package') + 1];
const afterInstall = readFileSync(args[args.indexOf('--after-install') + 1], 'utf8');
const desktop = args.filter((arg) => arg.endsWith('.desktop')).map((arg) => {
  const [from, to] = arg.split('=');
  return { to, text: readFileSync(from, 'utf8') };
});
writeFileSync(deb + '.json', JSON.stringify({ args, afterInstall, desktop }));
writeFileSync(deb, '');
`,
      );
      await chmod(fpm, 0o755);
      const result = await run(
        process.execPath,
        [
          join(repo, 'node_modules', 'electron-builder', 'cli.js'),
          '--linux',
          'deb',
          '--x64',
          '--publish',
          'never',
          `--prepackaged=${prepackaged}`,
          `-c.electronDist=${join(dir, 'electron-dist')}`,
          `-c.directories.output=${join(dir, 'deb')}`,
          '-c.npmRebuild=false',
        ],
        { cwd: repo, env: { ...process.env, CUSTOM_FPM_PATH: fpm } },
      );
      assert.equal(result.code, 0, `electron-builder failed:\n${result.stdout}\n${result.stderr}`);
      const written = readdirSync(join(dir, 'deb')).filter((name) => name.endsWith('.deb.json'));
      assert.equal(written.length, 1, readdirSync(join(dir, 'deb')).join('\n'));
      const { args, afterInstall, desktop } = JSON.parse(
        readFileSync(join(dir, 'deb', written[0]!), 'utf8'),
      ) as {
        args: string[];
        afterInstall: string;
        desktop: { to: string; text: string }[];
      };
      const option = (name: string) => args[args.indexOf(name) + 1];
      const meta = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
        author: { name: string; email: string };
        homepage: string;
      };
      assert.equal(option('--maintainer'), `${meta.author.name} <${meta.author.email}>`);
      assert.equal(option('--url'), meta.homepage);
      assert.equal(option('--name'), 'parley');
      // The package installs the folder under /opt and links the executable onto the PATH.
      assert.ok(args.includes(`${prepackaged}/=/opt/${config.productName}`), args.join(' '));
      assert.ok(
        afterInstall.includes(`ln -sf '/opt/${config.productName}/parley' '/usr/bin/parley'`),
        afterInstall,
      );
      // The window finds its menu entry: Electron takes the window's app_id / WM_CLASS from the shipped
      // package.json's desktopName, and the deb installs the .desktop file under that name with StartupWMClass
      // set to it (without the suffix).
      const shipped = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { desktopName?: string };
      assert.equal(shipped.desktopName, 'parley.desktop');
      assert.deepEqual(
        desktop.map((entry) => entry.to),
        [`/usr/share/applications/${shipped.desktopName}`],
      );
      assert.match(desktop[0]!.text, /^StartupWMClass=parley$/m);
      assert.doesNotMatch(`${result.stdout}${result.stderr}`, /Set desktopName in package\.json/);
      // Every build writes the update information electron-updater reads (release CI puts it into the release).
      const updateInfo = readFileSync(join(dir, 'deb', 'latest-linux.yml'), 'utf8');
      const debName = written[0]!.replace(/\.json$/, '');
      assert.ok(updateInfo.split('\n').includes(`path: ${debName}`), updateInfo);
    },
  );

  test('the Linux deb puts parley on the PATH', () => {
    // A deb cannot be built here: electron-builder downloads fpm to build it. The deb packs the folder built above
    // into /opt/<productName>/, and its after-install script (electron-builder's template, filled in with the
    // executable name) links /usr/bin/<executable> to the binary there.
    assert.equal(config.linux.executableName, 'parley');
    assert.ok(existsSync(join(unpacked, 'parley')), 'the built binary is named parley');
    const template = readFileSync(
      join(repo, 'node_modules', 'app-builder-lib', 'templates', 'linux', 'after-install.tpl'),
      'utf8',
    );
    assert.ok(
      template.includes(
        "update-alternatives --install '/usr/bin/${executable}' '${executable}' '/opt/${sanitizedProductName}/${executable}'",
      ),
    );
    assert.ok(
      template.includes("ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'"),
    );
  });

  describe('unpacked into a folder with no node_modules above it', () => {
    before(() => {
      for (let at = dirname(app); ; at = dirname(at)) {
        assert.ok(!existsSync(join(at, 'node_modules')), `${at} holds a node_modules folder`);
        if (dirname(at) === at) break;
      }
      // Nor can jsdom be found from there in Node's global folders: only the package's own node_modules has it.
      assert.throws(() => createRequire(join(dir, 'outside.cjs')).resolve('jsdom'), /Cannot find module/);
    });

    test('the main bundle serves the renderer, seeds the sample and imports a web page, Markdown and text', async () => {
      const notebook = join(dir, 'app-run', 'notebook.json');
      const result = await run(
        process.execPath,
        [
          '--import',
          import.meta.resolve('tsx'),
          '--import',
          pathToFileURL(join(repo, 'test', 'package', 'electron-hook.ts')).href,
          join(app, 'dist', 'main', 'index.cjs'),
          '--notebook',
          notebook,
          `--user-data-dir=${join(dir, 'app-run', 'profile')}`,
        ],
        {
          cwd: app,
          env: {
            ...process.env,
            PARLEY_NOTEBOOK: '',
            STAND_IN_APP_PATH: app,
            STAND_IN_SCENARIO: pathToFileURL(join(repo, 'test', 'package', 'packaged-main-scenario.ts')).href,
            STAND_IN_OPEN_FILES: JSON.stringify([PAGE, MARKDOWN, TEXT]),
          },
        },
      );
      const line = result.stdout.split('\n').find((l) => l.startsWith('PARLEY_REPORT '));
      assert.ok(line, `no report (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
      const report = JSON.parse(line.slice('PARLEY_REPORT '.length)) as {
        quitCleanly?: boolean;
        served: Record<string, { status: number; sha256: string }>;
        listed: { ok: boolean; value: Array<{ title: string }> };
        imported: { ok: boolean; value: { added: Array<{ id: string; title: string }> } };
        opened: Array<{
          ok: boolean;
          value: { document: { title: string; format: string; text: string; byline: string } };
        }>;
        loadedFromNodeModules: string[];
      };
      assert.equal(result.code, 0, result.stderr);
      assert.equal(report.quitCleanly, true);

      for (const [name, served] of Object.entries(report.served)) {
        const packaged = readFileSync(join(app, 'dist', 'renderer', name));
        assert.deepEqual(served, { status: 200, sha256: sha256(packaged) }, `app://parley/${name}`);
        assert.equal(served.sha256, sha256(readFileSync(join(repo, 'dist', 'renderer', name))));
      }
      assert.equal(report.listed.ok, true);
      assert.deepEqual(
        report.listed.value.map((doc) => doc.title),
        [SAMPLE_TITLE],
      );

      assert.equal(report.imported.ok, true, JSON.stringify(report.imported));
      const opened = report.opened.map(({ ok, value }) => {
        assert.equal(ok, true);
        const { title, format, text, byline } = value.document;
        return { title, format, text, byline };
      });
      assert.deepEqual(opened, [
        {
          title: 'Council approves the harbour plan',
          format: 'html',
          text: PAGE_TEXT,
          byline: 'Morwenna Tregear',
        },
        { title: 'Ferry timetable consultation', format: 'markdown', text: MARKDOWN_TEXT, byline: '' },
        {
          title: "Council minutes (written for Parley's package test)",
          format: 'text',
          text: TEXT_TEXT,
          byline: '',
        },
      ]);
      for (const words of FURNITURE) assert.ok(!opened[0]!.text.includes(words), `"${words}" left out`);

      // jsdom came from the package: web pages are read on the import worker (dist/main/import-worker.cjs), whose
      // thread has modules of its own, and from there jsdom resolves to the package's node_modules and nowhere else
      // (no node_modules lies above the package, as before() checked); the page above was read with it. The main
      // thread loaded no production package from anywhere else.
      assert.equal(
        createRequire(join(app, 'dist', 'main', 'import-worker.cjs')).resolve('jsdom'),
        join(app, 'node_modules', 'jsdom', 'lib', 'api.js'),
      );
      // So does PDF.js, with its worker code beside it, which reads PDF files there (mammoth, for Word files, is
      // bundled into the worker, as the other libraries are).
      const fromWorker = createRequire(join(app, 'dist', 'main', 'import-worker.cjs'));
      assert.equal(
        fromWorker.resolve('pdfjs-dist/legacy/build/pdf.mjs'),
        join(app, 'node_modules', 'pdfjs-dist', 'legacy', 'build', 'pdf.mjs'),
      );
      assert.ok(existsSync(join(app, 'node_modules', 'pdfjs-dist', 'legacy', 'build', 'pdf.worker.mjs')));
      const loaded = report.loadedFromNodeModules;
      const elsewhere = [...productionClosure()].map((key) => join(repo, key) + sep);
      assert.deepEqual(
        loaded.filter((path) => elsewhere.some((prefix) => path.startsWith(prefix))),
        [],
      );

      // Quitting flushed the notebook: the sample and the three imports are on disk.
      const saved = JSON.parse(await readFile(notebook, 'utf8')) as { documents: Array<{ title: string }> };
      assert.deepEqual(
        saved.documents.map((doc) => doc.title).sort(),
        [SAMPLE_TITLE, ...opened.map((doc) => doc.title)].sort(),
      );
    });

    test('the packaged command line imports a web page and a text file and exports Markdown on plain Node', async () => {
      const notebook = join(dir, 'cli-run.json');
      const parley = (...args: string[]) =>
        run(process.execPath, [join(app, 'dist', 'cli.cjs'), ...args, '--notebook', notebook], { cwd: dir });

      const imported = await parley('import', PAGE, TEXT);
      assert.equal(imported.code, 0, imported.stderr);
      const ids = imported.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t'));
      assert.deepEqual(
        ids.map(([, title]) => title),
        ['Council approves the harbour plan', "Council minutes (written for Parley's package test)"],
      );
      const [pageId, textId] = ids.map(([id]) => id!);

      // Highlights by quote: they anchor only in the text the import kept, so the export shows that text.
      const annotation = (exact: string) => ({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        body: { type: 'TextualBody', value: 'A note written for the package test.' },
        target: { selector: { type: 'TextQuoteSelector', exact } },
      });
      const write = async (name: string, exact: string) => {
        const path = join(dir, name);
        await writeFile(path, JSON.stringify(annotation(exact)));
        return path;
      };
      const advert = await parley(
        'annotations',
        'import',
        await write('advert.jsonld', FURNITURE[0]!),
        '--document',
        pageId!,
      );
      assert.equal(advert.code, 1, 'the advert is not in the imported page');
      const onPage = await write('page.jsonld', 'bring the ferries back to the old quay');
      assert.equal((await parley('annotations', 'import', onPage, '--document', pageId!)).code, 0);
      const onText = await write('text.jsonld', 'publish the dredging survey for the eastern channel');
      assert.equal((await parley('annotations', 'import', onText, '--document', textId!)).code, 0);

      const pageExport = await parley('export', '--document', pageId!, '--format', 'markdown');
      assert.equal(pageExport.code, 0, pageExport.stderr);
      assert.match(pageExport.stdout, /^title: "Council approves the harbour plan"$/m);
      assert.match(pageExport.stdout, /bring the ferries back to the old quay/);
      const out = join(dir, 'minutes.md');
      const textExport = await parley('export', '--document', textId!, '--format', 'markdown', '--out', out);
      assert.equal(textExport.code, 0, textExport.stderr);
      assert.match(await readFile(out, 'utf8'), /publish the dredging survey for the eastern channel/);
    });
  });
});
