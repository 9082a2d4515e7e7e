// Runs every benchmark under scripts/bench/ and prints one JSON object a line (never part of npm test).
import fs from 'node:fs';
import path from 'node:path';

async function main(): Promise<void> {
  if (process.env.TZ !== 'Asia/Shanghai') {
    console.error(
      'bench: run with TZ=Asia/Shanghai (npm run bench sets it): the local runtime works in the manifest zone.',
    );
    process.exit(2);
  }
  const dir = path.join(__dirname, 'bench');
  const only = process.argv[2];
  for (const f of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.bench.ts'))
    .sort()) {
    if (only && !f.includes(only)) continue;
    const mod = (await import(path.join(dir, f))) as { run: () => Promise<object[]> | object[] };
    for (const result of await mod.run()) console.log(JSON.stringify(result));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
