// Styles live inside the widget's shadow root, so they neither leak into nor inherit from the host page.
// Only validated values (a #hex colour, left/right) reach this text.
export const styles = ({ color, position }) => `
:host { all: initial; --aw-color: ${color}; }
* { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
[hidden] { display: none !important; }
.launcher {
  position: fixed; ${position}: 20px; bottom: 20px; z-index: 2147483000;
  padding: 12px 18px; border: 0; border-radius: 24px; cursor: pointer;
  background: var(--aw-color); color: #fff; font-size: 15px; box-shadow: 0 4px 14px rgba(0,0,0,.25);
}
.badge { display: inline-block; margin-left: 8px; min-width: 20px; padding: 1px 6px; border-radius: 10px; background: #dc2626; color: #fff; font-size: 12px; }
button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #ffb300; outline-offset: 2px; }
.panel {
  position: fixed; ${position}: 20px; bottom: 80px; z-index: 2147483000; width: 360px; max-width: calc(100vw - 40px);
  max-height: calc(100vh - 110px); display: flex; flex-direction: column;
  background: #fff; color: #1f2937; border-radius: 12px; box-shadow: 0 10px 30px rgba(0,0,0,.25); overflow: hidden; font-size: 14px;
}
header { display: flex; align-items: center; justify-content: space-between; padding: 12px 16px; background: var(--aw-color); color: #fff; }
.heading { display: flex; flex-direction: column; }
.title { font-weight: 600; font-size: 16px; }
.ticket { font-size: 12px; opacity: .9; }
.close { background: transparent; border: 0; color: #fff; font-size: 22px; cursor: pointer; line-height: 1; }
.status { margin: 0; padding: 6px 16px; font-size: 12px; background: #f3f4f6; }
.status[data-state="connected"] { color: #166534; }
.status[data-state="disconnected"] { color: #991b1b; }
.status[data-away="true"] { color: #92400e; }
form.start { display: flex; flex-direction: column; gap: 6px; padding: 12px 16px 16px; overflow-y: auto; }
label { font-size: 12px; font-weight: 600; color: #374151; }
input, textarea { width: 100%; padding: 8px; border: 1px solid #d1d5db; border-radius: 6px; font-size: 14px; color: #111827; background: #fff; resize: vertical; }
.primary { padding: 8px 14px; border: 0; border-radius: 6px; background: var(--aw-color); color: #fff; font-size: 14px; cursor: pointer; }
.primary:disabled { opacity: .6; cursor: default; }
.chat { display: flex; flex-direction: column; min-height: 0; flex: 1; }
.messages { list-style: none; margin: 0; padding: 12px 16px; overflow-y: auto; flex: 1; min-height: 160px; max-height: 380px; display: flex; flex-direction: column; gap: 8px; }
.msg { max-width: 85%; padding: 8px 10px; border-radius: 10px; overflow-wrap: anywhere; }
.msg.customer { align-self: flex-end; background: #e0e7ff; }
.msg.agent { align-self: flex-start; background: #f3f4f6; }
.msg.pending { opacity: .6; }
.msg .who { display: block; font-size: 11px; font-weight: 600; color: #4b5563; margin-bottom: 2px; }
.msg .body p { margin: 0 0 4px; }
.msg .body p:last-child { margin-bottom: 0; }
.msg .body a { color: #1d4ed8; }
.msg .body pre, .msg .body code { white-space: pre-wrap; font-family: ui-monospace, monospace; font-size: 12px; }
.typing, .notice { margin: 0; padding: 4px 16px; font-size: 12px; color: #4b5563; font-style: italic; }
.notice { font-style: normal; color: #166534; }
.error { margin: 0; padding: 4px 16px; font-size: 12px; color: #991b1b; }
form.start .error { padding: 0; }
.composer { display: flex; gap: 6px; padding: 8px 12px; border-top: 1px solid #e5e7eb; }
.composer textarea { flex: 1; }
.tools { display: flex; justify-content: space-between; padding: 0 12px 10px; }
.link { background: none; border: 0; padding: 2px; color: #1d4ed8; font-size: 12px; cursor: pointer; text-decoration: underline; }
.suggestions { padding: 6px 16px; font-size: 12px; background: #fffbeb; }
.suggestions ul { margin: 4px 0 0; padding-left: 18px; }
.suggestions a { color: #1d4ed8; }
.verified { margin: 0; font-size: 12px; color: #166534; }
.survey { display: flex; flex-direction: column; gap: 8px; margin: 0 12px 8px; padding: 10px 12px; border: 1px solid #d1d5db; border-radius: 10px; background: #f9fafb; overflow-y: auto; max-height: 320px; }
.survey-title { margin: 0; font-weight: 600; }
.survey fieldset { border: 0; margin: 0; padding: 0; }
.survey legend { font-size: 12px; font-weight: 600; color: #374151; padding: 0; margin-bottom: 4px; }
.survey .choices { display: grid; gap: 4px; }
.survey .choices.c5 { grid-template-columns: repeat(5, 1fr); }
.survey .choices.c7 { grid-template-columns: repeat(7, 1fr); }
.survey .choice { display: flex; flex-direction: column; align-items: center; padding: 4px 2px; border: 1px solid #9ca3af; border-radius: 6px; cursor: pointer; font-weight: 400; }
.survey .choice input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.survey .choice:has(input:checked) { border-color: var(--aw-color); background: #e0e7ff; }
.survey .choice:has(input:focus-visible) { outline: 3px solid #ffb300; outline-offset: 1px; }
.survey .n { font-weight: 600; font-size: 14px; }
.survey .w { font-size: 10px; color: #374151; text-align: center; }
.survey .field { display: flex; flex-direction: column; gap: 4px; }
.survey select { padding: 6px; border: 1px solid #d1d5db; border-radius: 6px; font-size: 13px; background: #fff; color: #111827; }
.survey .error { padding: 0; }
select:focus-visible { outline: 3px solid #ffb300; outline-offset: 2px; }
`;
