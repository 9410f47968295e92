import { notifyManager } from '@tanstack/react-query';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// On a loaded machine (two cores shared with other work) a page test takes several times as long as alone: a test's
// time limit and the longest wait for a state it asserts (waitFor, findBy*) are set for that, not for an idle machine
// (vitest's 5 s and Testing Library's 1 s). A test still fails when what it waits for never comes, only later. (A test
// that times out also goes on clicking and typing in the next test's page, failing that one too.)
vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 5_000 });

// The query cache tells components of an answer in a microtask rather than a timer task, as a component's own
// promise would: a test sees it as soon as it awaits anything.
notifyManager.setScheduler(queueMicrotask);

afterEach(() => {
  cleanup();
  localStorage.clear();
});
