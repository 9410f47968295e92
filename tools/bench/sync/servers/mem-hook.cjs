// Preloaded (node --expose-gc --require) into every server under test, ours and the peers alike, so that memory is
// measured the same way for all: on SIGUSR2 the process collects garbage and prints its memory use as one line.
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') {
    global.gc();
    global.gc();
  }
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  process.stdout.write(`[bench-mem] ${JSON.stringify({ rss, heapUsed, heapTotal, external, arrayBuffers })}\n`);
});
