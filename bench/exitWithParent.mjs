import process from 'node:process';

// Preloaded (`node --import`) into every process the benchmark starts. The harness holds the
// other end of this process's stdin: when the harness dies in any way, even by SIGKILL, stdin
// ends and this process exits, so no simulator, gateway or baseline outlives a run.
process.stdin.on('data', () => {});
process.stdin.once('end', () => process.exit(0));
process.stdin.unref?.();
