import { notifyManager } from '@tanstack/react-query';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// The query cache tells components of an answer in a microtask rather than a timer task, as a component's own
// promise would: a test sees it as soon as it awaits anything.
notifyManager.setScheduler(queueMicrotask);

afterEach(() => {
  cleanup();
  localStorage.clear();
});
