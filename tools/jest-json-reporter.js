// Writes jest's totals as JSON (the same shape as vitest's json reporter: numPassedTests, numFailedTests ...) so that
// tools/test-all.mjs can sum every suite into one line.
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');

class JsonTotalsReporter {
  constructor(_globalConfig, options) {
    this.outputFile = options.outputFile;
  }

  onRunComplete(_contexts, results) {
    mkdirSync(dirname(this.outputFile), { recursive: true });
    const { numPassedTests, numFailedTests, numPendingTests, numTotalTests, numFailedTestSuites, numRuntimeErrorTestSuites } = results;
    writeFileSync(
      this.outputFile,
      JSON.stringify({ numPassedTests, numFailedTests, numPendingTests, numTotalTests, numFailedTestSuites, numRuntimeErrorTestSuites, success: results.success }),
    );
  }
}

module.exports = JsonTotalsReporter;
