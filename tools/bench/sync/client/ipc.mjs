// Both ends of the IPC between a benchmark runner and its client process (the runner forks the client process and
// sends it commands { id, cmd, args }; each answer is { id, ok, result | error }). The client process is ready once
// it has sent its first message.
import { fork } from 'node:child_process';

/** In the runner: forks the client process `file`; call(cmd, args) resolves with the command's result. */
export function startDriver(file) {
  const child = fork(file, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map();
  let nextId = 1;
  const ready = new Promise((resolve) => child.once('message', resolve));
  child.on('message', (m) => {
    if (m.id === undefined) return;
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.ok) p.resolve(m.result);
    else p.reject(new Error(`client driver: ${m.error}`));
  });
  child.on('exit', (code) => {
    for (const p of pending.values()) p.reject(new Error(`the client driver exited (${code})`));
    pending.clear();
  });
  return {
    pid: child.pid,
    ready,
    call(cmd, callArgs) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        child.send({ id, cmd, args: callArgs });
      });
    },
    stop() {
      if (child.exitCode !== null) return Promise.resolve();
      child.disconnect();
      return new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/**
 * In the client process: runs the runner's commands one at a time with `commands[cmd](args)`, answers each, exits
 * when the runner disconnects and tells the runner it is ready.
 */
export function serveCommands(commands) {
  let queue = Promise.resolve();
  process.on('message', (message) => {
    queue = queue.then(async () => {
      try {
        const result = await commands[message.cmd](message.args ?? {});
        process.send({ id: message.id, ok: true, result });
      } catch (error) {
        process.send({ id: message.id, ok: false, error: String(error?.stack ?? error) });
      }
    });
  });
  process.on('disconnect', () => process.exit(0));
  process.send({ ready: true });
}
