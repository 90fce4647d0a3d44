// The widget speaks the visitor's browser language: Spanish for es-*, English otherwise.
const en = {
  launcher: "Chat with us",
  open: "Open support chat",
  close: "Close support chat",
  title: "Support",
  connecting: "Connecting…",
  connected: "Connected — we're here to help.",
  disconnected: "Offline. We'll reconnect as soon as we can.",
};

const es = {
  launcher: "Chatea con nosotros",
  open: "Abrir el chat de soporte",
  close: "Cerrar el chat de soporte",
  title: "Soporte",
  connecting: "Conectando…",
  connected: "Conectado: estamos aquí para ayudarte.",
  disconnected: "Sin conexión. Volveremos a conectar en cuanto podamos.",
};

export function strings(language) {
  return (language || "").toLowerCase().startsWith("es") ? es : en;
}
