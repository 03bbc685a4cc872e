/** "Run Without Debugging": a minimal inline debug adapter that runs the program with
 * `<python> -m interpreter` (no tracing, breakpoints ignored) and forwards its output. */

import { spawn, type ChildProcess } from "node:child_process";
import * as vscode from "vscode";
import { noDebugCommand, type MemphisLaunchConfig } from "./launchConfig";
import { shellCommandLine } from "./settings";

interface Request {
  seq: number;
  type: "request";
  command: string;
  arguments?: Record<string, unknown>;
}

/** Speaks just enough DAP for VS Code to run a program and show its output. */
export class RunWithoutDebuggingAdapter implements vscode.DebugAdapter {
  private readonly emitter = new vscode.EventEmitter<vscode.DebugProtocolMessage>();
  readonly onDidSendMessage = this.emitter.event;
  private seq = 1;
  private child: ChildProcess | undefined;

  constructor(private readonly python: string) {}

  handleMessage(message: vscode.DebugProtocolMessage): void {
    const request = message as Request;
    if (request.type !== "request") {
      return;
    }
    switch (request.command) {
      case "initialize":
        this.respond(request, { supportsConfigurationDoneRequest: true, supportsTerminateRequest: true });
        this.send({ type: "event", event: "initialized" });
        return;
      case "launch":
        this.launch(request);
        return;
      case "setBreakpoints": {
        const lines = ((request.arguments?.breakpoints as { line: number }[]) ?? []).map((b) => b.line);
        this.respond(request, { breakpoints: lines.map((line) => ({ verified: false, line })) });
        return;
      }
      case "threads":
        this.respond(request, { threads: [] });
        return;
      case "terminate":
      case "disconnect":
        this.child?.kill("SIGKILL");
        this.respond(request, {});
        return;
      default:
        this.respond(request, {});
    }
  }

  dispose(): void {
    this.child?.kill("SIGKILL");
    this.emitter.dispose();
  }

  private launch(request: Request): void {
    const config = request.arguments as unknown as MemphisLaunchConfig;
    const line = noDebugCommand(this.python, config);
    const env = { ...process.env, ...(config.env as Record<string, string> | undefined) };
    const child = spawn(line.command, line.args, { cwd: config.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    child.stdout?.on("data", (chunk: Buffer) => this.output("stdout", chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => this.output("stderr", chunk.toString()));
    let started = false;
    child.on("error", (error) => {
      if (!started) {
        this.respond(request, undefined, `cannot start ${line.command}: ${error.message}`);
      }
      this.send({ type: "event", event: "terminated" });
    });
    child.on("spawn", () => {
      started = true;
      this.respond(request, {});
      this.output("console", `Running without debugging: ${shellCommandLine(line)}\n`);
      this.send({ type: "event", event: "process", body: { name: config.program ?? config.module, startMethod: "launch" } });
    });
    child.on("close", (code, signal) => {
      this.send({ type: "event", event: "exited", body: { exitCode: code ?? (signal ? 128 : 1) } });
      this.send({ type: "event", event: "terminated" });
    });
  }

  private output(category: string, text: string): void {
    this.send({ type: "event", event: "output", body: { category, output: text } });
  }

  private respond(request: Request, body: unknown, error?: string): void {
    this.send({
      type: "response",
      request_seq: request.seq,
      command: request.command,
      success: error === undefined,
      ...(error === undefined ? { body } : { message: error }),
    });
  }

  private send(message: Record<string, unknown>): void {
    this.emitter.fire({ ...message, seq: this.seq++ } as vscode.DebugProtocolMessage);
  }
}
