"""Chromium's DevTools protocol on a pipe, for the validators that drive a real browser (validate-mermaid,
validate-html): the browser reads commands on its fd 3 and answers on fd 4; no network (every host
resolves to nothing). Imported, not run."""
import json, os, select, subprocess, time


class DevTools:
    """Chromium's DevTools protocol on a pipe: the browser reads commands on its fd 3 and answers on fd 4."""

    def __init__(self, chromium, folder):
        commands_read, self.commands = os.pipe()
        self.answers, answers_write = os.pipe()
        child_in, child_out = os.dup(commands_read), os.dup(answers_write)
        os.close(commands_read), os.close(answers_write)
        self.log = open(os.path.join(folder, "chromium.log"), "wb")
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "--no-first-run",
                 f"--user-data-dir={folder}/profile", "--disable-extensions", "--disable-background-networking",
                 "--host-resolver-rules=MAP * ~NOTFOUND", "--allow-file-access-from-files", "about:blank"]
        self.process = subprocess.Popen([chromium, *flags], stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log,
                                        close_fds=False, start_new_session=True,
                                        preexec_fn=lambda: (os.dup2(child_in, 3), os.dup2(child_out, 4)))
        os.close(child_in), os.close(child_out)
        self.buffer, self.last_id, self.session, self.events = b"", 0, None, []

    def call(self, method, params=None, timeout=60, session=True):
        """Sends a command and returns its answer; events that arrive meanwhile are kept in self.events."""
        self.last_id += 1
        message = {"id": self.last_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            while b"\0" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\0", 1)
                answer = json.loads(raw)
                if "method" in answer and "id" not in answer:
                    self.events.append(answer)
                    continue
                if answer.get("id") == self.last_id:
                    if "error" in answer:
                        raise RuntimeError(f"{method}: {answer['error']}")
                    return answer.get("result", {})
            if not select.select([self.answers], [], [], max(0, deadline - time.monotonic()))[0]:
                raise TimeoutError(f"Chromium gave no answer to {method} within {timeout} s")
            chunk = os.read(self.answers, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium exited")
            self.buffer += chunk

    def open(self, url, ready="document.readyState === 'complete'", domains=(), timeout=10):
        """Opens url in a new tab, with the protocol domains given enabled first (their events are kept),
        and waits until the expression `ready` is true."""
        target = self.call("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        for domain in domains:
            self.call(f"{domain}.enable")
        self.call("Page.navigate", {"url": url})
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.evaluate(ready):
                return
            time.sleep(0.05)
        raise RuntimeError(f"{url} was not ready ({ready}) within {timeout} s")

    def evaluate(self, expression, timeout=60):
        answer = self.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True}, timeout)
        if "exceptionDetails" in answer:
            raise RuntimeError(json.dumps(answer["exceptionDetails"])[:300])
        return answer["result"].get("value")

    def close(self):
        # Chromium's helpers are in its session: stop them all before the profile folder is removed.
        os.killpg(self.process.pid, 9)
        self.process.wait()
        self.log.close()
