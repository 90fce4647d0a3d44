// Styles live inside the widget's shadow root, so they neither leak into nor inherit from the host page.
export const styles = `
:host { all: initial; }
* { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.launcher {
  position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;
  padding: 12px 18px; border: 0; border-radius: 24px; cursor: pointer;
  background: #3f51b5; color: #fff; font-size: 15px; box-shadow: 0 4px 14px rgba(0,0,0,.25);
}
.launcher:focus-visible, .close:focus-visible { outline: 3px solid #ffb300; outline-offset: 2px; }
.panel {
  position: fixed; right: 20px; bottom: 80px; z-index: 2147483000; width: 340px; max-width: calc(100vw - 40px);
  background: #fff; color: #1f2937; border-radius: 12px; box-shadow: 0 10px 30px rgba(0,0,0,.25); overflow: hidden;
}
.panel[hidden] { display: none; }
header { display: flex; align-items: center; justify-content: space-between; padding: 12px 16px; background: #3f51b5; color: #fff; }
.title { font-weight: 600; font-size: 16px; }
.close { background: transparent; border: 0; color: #fff; font-size: 22px; cursor: pointer; line-height: 1; }
.status { margin: 0; padding: 16px; font-size: 14px; }
.status[data-state="connected"] { color: #166534; }
.status[data-state="disconnected"] { color: #991b1b; }
`;
