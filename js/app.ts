import { fatalPanel } from "./fatal";
import type { AppConfig, ClientMessage, ErrorMessage, ServerMessage, Update } from "./protocol";
import { Session } from "./session";
import { Toaster, WARNING_SECONDS, type ReportLevel } from "./toast";
import type { Transport } from "./transport/transport";
import { errorText } from "./errors";
import { saveFile } from "./download";
import { applyTheme } from "./theme";
import { FileHost } from "./files";
import { ServerCalls } from "./server-calls";
import { appFooter, type ApiSourceLoader } from "./api-footer";
import { hasDeepLink } from "./deep-link-param";

export interface MountOptions {
  /**
   * Called when the app cannot start (an `error` message with `fatal`).
   * Without it, a panel with the message and traceback replaces the app.
   */
  onFatal?: (message: string, traceback?: string) => void;
  /** Called after each config is rendered: the first, and any later one (the app run again). */
  onRender?: () => void;
  /** Offer a Stop button on an event still running after this many milliseconds (none when absent). */
  stopAfterMs?: number;
  /**
   * Where "Use via API" reads the endpoints (a server's `/gradio_api/info`).
   * Without it they come from the app's config, as in `<gradio-lite>`.
   */
  api?: ApiSourceLoader;
  /** Open the API page as soon as the app is on screen (the server page's `?view=api`). */
  openApi?: boolean;
}

export interface AppHandle {
  /** Remove the app from the page. The transport stays open: its owner closes it. */
  destroy(): void;
  /** Resolves once the config is rendered; rejects if the app reports a fatal error first. */
  readonly ready: Promise<void>;
}

/**
 * Render the app the core describes into `root` and keep it in step with
 * the core over `transport`.
 */
export function mountApp(root: HTMLElement, transport: Transport, options: MountOptions = {}): AppHandle {
  const container = document.createElement("div");
  container.className = "pagelet-app";
  const body = document.createElement("div");
  body.className = "pagelet-body";
  const toaster = new Toaster();
  let currentConfig: AppConfig | null = null;
  const loadApi: ApiSourceLoader = options.api ?? (async () => {
    const { apiInfoFromConfig } = await import("./api-view");
    if (currentConfig === null) throw new Error("the app has not started");
    return { kind: "lite", info: apiInfoFromConfig(currentConfig) };
  });
  const footer = appFooter({
    after: body,
    load: loadApi,
    report: (message) => report(message),
    openSettings: (button) => {
      openSettings(button).catch((error: unknown) => report(`Could not show the settings: ${errorText(error)}`));
    },
  });
  container.append(body, footer.element, toaster.element);
  root.append(container);

  const files = new FileHost((message, data) => transport.send(message, data));
  const serverCalls = new ServerCalls((message) => transport.send(message));
  let session: Session | null = null;
  files.watch(() => session?.values() ?? []);
  let destroyed = false;
  let settled = false;
  let resolveReady: () => void = () => undefined;
  let rejectReady: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // A caller that never awaits `ready` must not see an unhandled rejection.
  ready.catch(() => undefined);

  // A warning (Gradio's `warning` dispatch from a component) closes itself, as Gradio's does.
  const report = (message: string, level: ReportLevel = "error"): void => {
    if (destroyed) return;
    if (level === "warning") toaster.show({ level, title: "Warning", message, duration: WARNING_SECONDS });
    else toaster.show({ level: "error", title: "Error", message, duration: null });
  };

  // Set once the app has texts to translate (gr.I18n, ChatInterface): see i18n.ts, loaded only then.
  type Translating = <T>(value: T) => T;
  let translate: Translating | null = null;
  const needsTranslating = (value: unknown): boolean => JSON.stringify(value ?? null).includes("__i18n__");
  // The language chosen in Settings; until then the browser's, as in Gradio.
  let chosenLanguage: string | null = null;
  // The config as the app sent it, its markers untranslated: a new language is applied from it.
  let sentConfig: AppConfig | null = null;
  const loadTranslations = async (translations: AppConfig["i18n_translations"]): Promise<Translating> => {
    const i18n = await import("./i18n");
    const locale = chosenLanguage ?? navigator.language;
    footer.setSettingsLabel(i18n.settingsWord(locale));
    const text = i18n.translator(translations, locale);
    return (value) => i18n.translated(value, text);
  };

  /**
   * Show the app in `locale`: every prop the app gave as a marker, and a
   * marked value (a button's text, a box's first text) unless the person
   * has changed it, which is theirs then.
   */
  const changeLanguage = async (locale: string): Promise<void> => {
    const before = translate;
    chosenLanguage = locale;
    const retranslate = await loadTranslations(sentConfig?.i18n_translations);
    translate = retranslate;
    const shown = session;
    if (sentConfig === null || shown === null) return;
    const untouched = (id: number, sent: unknown): boolean =>
      before !== null && JSON.stringify(shown.valueOf(id) ?? null) === JSON.stringify(before(sent) ?? null);
    const updates: Update[] = [];
    for (const component of sentConfig.components) {
      const marked = Object.entries(component.props).filter(
        ([key, value]) => needsTranslating(value) && (key !== "value" || untouched(component.id, value)),
      );
      if (marked.length > 0) updates.push({ id: component.id, props: retranslate(Object.fromEntries(marked)) });
    }
    shown.apply(updates);
  };

  const openSettings = async (button: HTMLButtonElement): Promise<void> => {
    const [{ settingsDialog }, { pageLocale }] = await Promise.all([import("./settings"), import("./i18n")]);
    container.querySelector(":scope > .pagelet-settings")?.remove();
    const dialog = settingsDialog({
      locale: pageLocale(chosenLanguage ?? navigator.language),
      onLanguage: (locale) => {
        changeLanguage(locale).catch((error: unknown) => report(`Could not change the language: ${errorText(error)}`));
      },
      onClose: () => button.focus(),
    });
    container.append(dialog);
    // The title, not the language box: focusing that would open its list at once.
    dialog.querySelector("h2")?.focus();
  };

  const render = async (shown: AppConfig): Promise<void> => {
    let config = shown;
    sentConfig = shown;
    translate = null;
    if (config.i18n_translations !== undefined || needsTranslating(config.components)) {
      translate = await loadTranslations(config.i18n_translations);
      config = { ...config, components: translate(config.components) };
    }
    if (hasDeepLink(window.location.search)) {
      // Opened from a gr.DeepLinkButton's link: its values replace the app's first ones.
      const linked = (await import("./deep-link")).withDeepLink(config, window.location.search);
      config = linked.config;
      if (linked.problem !== null) report(linked.problem);
    }
    session?.destroy();
    session = null;
    files.setLimit(config.max_file_size);
    const send = (message: ClientMessage): void => {
      if (footer.recorder.recording && message.type === "event") footer.recorder.record(next.endpointCall(message));
      transport.send(message);
    };
    const next = await Session.create(config, send, report, files, options.stopAfterMs, serverCalls);
    if (destroyed) {
      next.destroy();
      return;
    }
    const nodes: Node[] = [];
    const theme = applyTheme(container, config.theme);
    if (theme) nodes.push(theme);
    if (typeof config.css === "string" && config.css !== "") {
      // The app author's own stylesheet (Blocks(css=...)), applied as Gradio does.
      const style = document.createElement("style");
      style.textContent = config.css;
      nodes.push(style);
    }
    if (next.element) nodes.push(next.element);
    body.replaceChildren(...nodes);
    currentConfig = config;
    session = next;
    const first = !settled;
    settled = true;
    resolveReady();
    if (first && options.openApi) footer.openApi().catch((error: unknown) => report(`Could not show the API: ${String(error)}`));
    options.onRender?.();
    next.start();
  };

  const fail = (message: ErrorMessage): void => {
    if (!message.fatal) {
      report(message.message);
      if (message.event_id !== undefined) session?.fail(message.event_id);
      return;
    }
    if (!settled) {
      settled = true;
      rejectReady(new Error(message.message));
    }
    // The app is gone (a later config may bring a new one): stop its timers and listeners.
    session?.destroy();
    session = null;
    if (options.onFatal) {
      options.onFatal(message.message, message.traceback);
      return;
    }
    body.replaceChildren(fatalPanel(message.message, message.traceback));
  };

  const handle = async (message: ServerMessage, data?: ArrayBuffer): Promise<void> => {
    switch (message.type) {
      case "config":
        await render(message.config);
        break;
      case "update":
        // Before the config there is nothing to update.
        if (translate === null && session !== null && needsTranslating(message.updates)) translate = await loadTranslations(currentConfig?.i18n_translations);
        session?.apply(translate === null ? message.updates : translate(message.updates), message.event_id);
        break;
      case "status":
        session?.status(message);
        break;
      case "progress":
        session?.progress(message);
        break;
      case "render":
        await session?.render(message);
        break;
      case "download":
        saveFile(message.filename, message.mime, message.text);
        break;
      case "alert":
        toaster.show({ level: message.level, title: message.title, message: message.message, duration: message.duration });
        break;
      case "error":
        fail(message);
        break;
      case "uploaded":
        files.uploaded(message);
        break;
      case "called":
        serverCalls.called(message);
        break;
      case "file":
        files.received(message, data);
        break;
      case "release":
        files.release(message.paths);
        break;
    }
  };

  // One message at a time: an update must not overtake the config still rendering.
  let queue: Promise<void> = Promise.resolve();
  transport.listen(
    (message, data) => {
      queue = queue.then(async () => {
        if (destroyed) return;
        try {
          await handle(message, data);
        } catch (error) {
          report(`Could not apply a message from the app: ${errorText(error)}`);
        }
      });
    },
    (reason) => report(`Invalid message from the app: ${reason}`),
  );

  return {
    ready,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      session?.destroy();
      session = null;
      files.destroy();
      serverCalls.destroy();
      toaster.destroy();
      container.remove();
    },
  };
}
