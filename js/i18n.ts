/**
 * Gradio's translated texts: a string holding
 * `__i18n__{"__type__": "translation_metadata", "key": "greet"}` (what
 * `gr.I18n("greet")` and Gradio's own ChatInterface put in the config) is
 * shown in the browser's language. The language is `navigator.language`,
 * matched as Gradio matches it against its languages (exact, then the base
 * language, else English); a key is looked up in the app's translations for
 * that locale, its base language, then English, then Gradio's own English
 * texts, else the key itself. Loaded only when a config or update holds a
 * marker, so an app without translations pays nothing for it.
 */

export const I18N_MARKER = "__i18n__";

export type Translations = Readonly<Record<string, unknown>>;
export type Translate = (text: string) => string;

// The languages Gradio 6.31's page knows (js/core/src/lang): the browser's language is chosen among them.
export const GRADIO_LOCALES: readonly string[] = [
  "ar", "ca", "ckb", "de", "en", "es", "et", "eu", "fa", "fi", "fr", "he", "hi", "id", "ja", "ko", "lt", "nb", "nl",
  "pl", "pt-BR", "pt", "ro", "ru", "sv", "ta", "th", "tr", "uk", "ur", "uz", "zh-CN", "zh-TW",
];

// Gradio's English texts for the keys Pagelet's core uses itself (ChatInterface).
const GRADIO_ENGLISH: Readonly<Record<string, string>> = {
  "chat_interface.new_chat": "New chat",
  "chat_interface.message_placeholder": "Type a message...",
  "chat_interface.additional_inputs": "Additional inputs",
  "chat_interface.chatbot": "Chatbot",
  "chat_interface.conversation": "Conversation",
};

// The footer's and the Settings dialog's title in each of those languages.
const SETTINGS_WORDS: Readonly<Record<string, string>> = {
  ar: "الإعدادات", ca: "Configuració", ckb: "ڕێکخستنەکان", de: "Einstellungen", en: "Settings", es: "Configuración",
  et: "Seaded", eu: "Ezarpenak", fa: "تنظیمات", fi: "Asetukset", fr: "Paramètres", he: "הגדרות", hi: "सेटिंग्स",
  id: "Pengaturan", ja: "設定", ko: "설정", lt: "Nustatymai", nb: "Innstillinger", nl: "Instellingen", pl: "Ustawienia",
  "pt-BR": "Configurações", pt: "Definições", ro: "Setări", ru: "Настройки", sv: "Inställningar", ta: "அமைப்புகள்",
  th: "การตั้งค่า", tr: "Ayarlar", uk: "Налаштування", ur: "ترتیبات", uz: "Sozlamalar", "zh-CN": "设置", "zh-TW": "設定",
};

/** "Settings" in the page's locale (English for any other). */
export function settingsWord(locale: string): string {
  return SETTINGS_WORDS[pageLocale(locale)] ?? "Settings";
}

/** The page's locale for a browser language, as Gradio picks it. */
export function pageLocale(browser: string | undefined): string {
  if (browser !== undefined && GRADIO_LOCALES.includes(browser)) return browser;
  const base = browser?.split("-")[0];
  return base !== undefined && GRADIO_LOCALES.includes(base) ? base : "en";
}

/** A locale's table with nested tables read by dotted keys ({"a": {"b": "x"}} gives "a.b"). */
function flatten(table: unknown, prefix = "", into = new Map<string, string>()): Map<string, string> {
  if (typeof table !== "object" || table === null) return into;
  for (const [key, text] of Object.entries(table)) {
    if (typeof text === "string") into.set(prefix + key, text);
    else flatten(text, `${prefix}${key}.`, into);
  }
  return into;
}

export function translator(translations: Translations | undefined, browser: string | undefined): Translate {
  const locale = pageLocale(browser);
  const chain = [...new Set([locale, locale.split("-")[0] ?? locale, "en"])];
  const tables = chain.map((name) => flatten(translations?.[name]));
  const lookup = (key: string): string => {
    for (const table of tables) {
      const text = table.get(key);
      if (text !== undefined) return text;
    }
    return GRADIO_ENGLISH[key] ?? key;
  };
  return (text) => {
    // Each marker in the text is replaced; a malformed one is left as it came, as in Gradio.
    let result = text;
    let start = result.indexOf(I18N_MARKER);
    while (start !== -1) {
      const open = start + I18N_MARKER.length;
      const end = result.indexOf("}", open) + 1;
      if (end === 0) break;
      let key: unknown = null;
      try {
        key = (JSON.parse(result.slice(open, end)) as { key?: unknown }).key;
      } catch {
        key = null;
      }
      if (typeof key !== "string") break;
      const shown = lookup(key);
      result = result.slice(0, start) + shown + result.slice(end);
      start = result.indexOf(I18N_MARKER, start + shown.length);
    }
    return result;
  };
}

/** `value` with every string that holds a marker translated (props, values, choices ...). */
export function translated<T>(value: T, translate: Translate): T {
  if (typeof value === "string") return (value.includes(I18N_MARKER) ? translate(value) : value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => translated(item, translate)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, translated(item, translate)])) as T;
  }
  return value;
}
