// Loaded with `node --require` by the benchmark: writes the process's peak resident set size (KiB)
// to the file named in PEAK_RSS_FILE when it exits.
process.on('exit', () => {
  if (process.env.PEAK_RSS_FILE) require('node:fs').writeFileSync(process.env.PEAK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
