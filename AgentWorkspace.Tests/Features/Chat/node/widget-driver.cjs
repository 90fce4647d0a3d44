// Drives real @microsoft/signalr clients (the same package the widget bundles) for the hub tests.
// Protocol: one JSON command per line on stdin, one JSON line per reply or push on stdout.
//   {"ref":1,"cmd":"connect","conn":"a"}                      -> {"ref":1,"ok":true}
//   {"ref":2,"cmd":"invoke","conn":"a","method":"Start","args":[...]} -> {"ref":2,"ok":true,"result":...} | {"ref":2,"ok":false,"error":"..."}
//   {"ref":3,"cmd":"stop","conn":"a"}                          -> {"ref":3,"ok":true}
//   {"ref":4,"cmd":"frames","conn":"a"}                        -> {"ref":4,"ok":true,"result":["raw frame", ...]}
//   {"ref":5,"cmd":"http","path":"/widget/api/conversation","token":"..."} -> {"ref":5,"ok":true,"result":{"status":200,"body":"..."}}
//   {"ref":6,"cmd":"drop","conn":"a"}  closes the socket under the client (a network failure), which then reconnects
// Pushes: {"push":"Message","conn":"a","args":[...]}; reconnections: {"event":"reconnected","conn":"a"}.
// Every raw WebSocket frame a connection receives is recorded, so tests can search what actually crossed the wire.
const path = require("node:path");
const readline = require("node:readline");
const { createRequire } = require("node:module");

const widgetModules = createRequire(path.resolve(process.env.WIDGET_ASSETS || path.join(__dirname, "../../../../wwwroot-assets"), "package.json"));
const signalR = widgetModules("@microsoft/signalr");
const WebSocketImpl = widgetModules("ws");

const baseUrl = process.argv[2];
const connections = new Map();
const out = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");

function recordingWebSocket(state) {
  return class RecordingWebSocket extends WebSocketImpl {
    constructor(url, protocols, options) {
      super(url, protocols, options);
      state.socket = this;
      this.on("message", (data) => state.frames.push(typeof data === "string" ? data : Buffer.from(data).toString("utf8")));
    }
  };
}

async function connect(name, options = {}) {
  const state = { frames: [], socket: null };
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}/hubs/widget`, {
      transport: signalR.HttpTransportType.WebSockets,
      skipNegotiation: true,
      WebSocket: recordingWebSocket(state),
      headers: options.headers || {},
    })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: () => 200 })
    .configureLogging(signalR.LogLevel.None)
    .build();
  for (const method of ["Message", "MessageUpdated", "Ticket", "Typing"]) {
    connection.on(method, (...args) => out({ push: method, conn: name, args }));
  }
  connection.onreconnected(() => out({ event: "reconnected", conn: name }));
  connection.onclose(() => out({ event: "closed", conn: name }));
  state.connection = connection;
  connections.set(name, state);
  await connection.start();
}

async function handle(command) {
  const state = connections.get(command.conn);
  switch (command.cmd) {
    case "connect":
      await connect(command.conn, command);
      return true;
    case "invoke":
      return await state.connection.invoke(command.method, ...(command.args || []));
    case "send":
      // fire-and-forget invocation: the reply comes when the server answers, other commands proceed meanwhile
      return await state.connection.invoke(command.method, ...(command.args || []));
    case "stop":
      await state.connection.stop();
      connections.delete(command.conn);
      return true;
    case "drop":
      state.socket.terminate();
      return true;
    case "frames":
      return state.frames;
    case "http": {
      const response = await fetch(baseUrl + command.path, {
        headers: command.token ? { Authorization: `Bearer ${command.token}` } : {},
      });
      return { status: response.status, body: await response.text(), contentType: response.headers.get("content-type") };
    }
    default:
      throw new Error(`unknown command ${command.cmd}`);
  }
}

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  if (!line.trim()) return;
  const command = JSON.parse(line);
  handle(command).then(
    (result) => out({ ref: command.ref, ok: true, result }),
    (error) => out({ ref: command.ref, ok: false, error: String(error && error.message || error) }));
});
out({ ready: true });
