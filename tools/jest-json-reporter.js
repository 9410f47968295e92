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
    // What failed, in the shape of vitest's report (testResults[].assertionResults[]), so that the last lines of a CI
    // log name it even when the log is cut.
    const testResults = results.testResults
      .filter((file) => file.numFailingTests > 0 || file.testExecError)
      .map((file) => ({
        name: file.testFilePath,
        message: file.testExecError ? String(file.testExecError.message ?? file.testExecError) : '',
        assertionResults: file.testResults
          .filter((test) => test.status === 'failed')
          .map((test) => ({ fullName: test.fullName, status: test.status, failureMessages: test.failureMessages })),
      }));
    // Every file's wall time, slowest first: where a suite's time goes (docs/testing.md).
    const durations = results.testResults
      .map((file) => ({ name: file.testFilePath, seconds: Math.round((file.perfStats.end - file.perfStats.start) / 100) / 10 }))
      .sort((a, b) => b.seconds - a.seconds);
    writeFileSync(
      this.outputFile,
      JSON.stringify({ numPassedTests, numFailedTests, numPendingTests, numTotalTests, numFailedTestSuites, numRuntimeErrorTestSuites, success: results.success, testResults, durations }),
    );
  }
}

module.exports = JsonTotalsReporter;
