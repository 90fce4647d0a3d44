// The widget speaks the visitor's browser language (or the embedding tag's data-language): Spanish for es-*, English otherwise.
const en = {
  launcher: "Chat with us",
  open: "Open support chat",
  close: "Close support chat",
  title: "Support",
  connecting: "Connecting…",
  connected: "Connected — we're here to help.",
  disconnected: "Offline. We'll reconnect as soon as we can.",
  welcome: "Hi! Tell us who you are and how we can help.",
  offlineWelcome: "We're away right now. Leave a message and we'll answer by e-mail — and here.",
  name: "Your name",
  email: "Your e-mail",
  emailOptional: "Your e-mail (optional)",
  question: "How can we help?",
  start: "Start chat",
  leave: "Send message",
  messages: "Conversation",
  you: "You",
  support: "Support",
  write: "Write a message…",
  writeLabel: "Message to support",
  send: "Send",
  sending: "Sending…",
  typing: (name) => `${name || "Support"} is typing…`,
  ticket: (n) => `Ticket #${n}`,
  transcript: "Download transcript",
  newChat: "New conversation",
  left: (n) => `Thanks! Your message is ticket #${n}. We'll reply by e-mail and here.`,
  tooLong: (max) => `Messages can be at most ${max} characters.`,
  unread: (n) => `${n} new message${n === 1 ? "" : "s"}`,
  verified: "Signed in",
  status: {
    open: "Open", in_progress: "In progress", waiting_on_customer: "Waiting for your reply",
    on_hold: "On hold", resolved: "Resolved", closed: "Closed",
  },
  suggested: "These articles may answer your question:",
};

const es = {
  launcher: "Chatea con nosotros",
  open: "Abrir el chat de soporte",
  close: "Cerrar el chat de soporte",
  title: "Soporte",
  connecting: "Conectando…",
  connected: "Conectado: estamos aquí para ayudarte.",
  disconnected: "Sin conexión. Volveremos a conectar en cuanto podamos.",
  welcome: "¡Hola! Dinos quién eres y en qué podemos ayudarte.",
  offlineWelcome: "Ahora no hay nadie disponible. Déjanos un mensaje y te responderemos por correo, y también aquí.",
  name: "Tu nombre",
  email: "Tu correo electrónico",
  emailOptional: "Tu correo electrónico (opcional)",
  question: "¿En qué podemos ayudarte?",
  start: "Empezar el chat",
  leave: "Enviar mensaje",
  messages: "Conversación",
  you: "Tú",
  support: "Soporte",
  write: "Escribe un mensaje…",
  writeLabel: "Mensaje para soporte",
  send: "Enviar",
  sending: "Enviando…",
  typing: (name) => `${name || "Soporte"} está escribiendo…`,
  ticket: (n) => `Ticket n.º ${n}`,
  transcript: "Descargar la conversación",
  newChat: "Nueva conversación",
  left: (n) => `¡Gracias! Tu mensaje es el ticket n.º ${n}. Te responderemos por correo y aquí.`,
  tooLong: (max) => `Los mensajes pueden tener como máximo ${max} caracteres.`,
  unread: (n) => `${n} mensaje${n === 1 ? "" : "s"} nuevo${n === 1 ? "" : "s"}`,
  verified: "Sesión iniciada",
  status: {
    open: "Abierto", in_progress: "En curso", waiting_on_customer: "Esperando tu respuesta",
    on_hold: "En espera", resolved: "Resuelto", closed: "Cerrado",
  },
  suggested: "Estos artículos pueden responder a tu pregunta:",
};

export function languageOf(preferred) {
  return (preferred || "").toLowerCase().startsWith("es") ? "es" : "en";
}

export function strings(language) {
  return languageOf(language) === "es" ? es : en;
}
