/**
 * Gradio's "Select input device": the microphones the browser lists, so a
 * person with several picks which one records. The list is read when the
 * panel is made and again once a device has opened (browsers give the
 * devices' names only after the person allowed one).
 */
export interface DeviceSelect {
  readonly element: HTMLSelectElement;
  /** The `audio` constraint for getUserMedia: the chosen microphone, or any. */
  audio(): MediaTrackConstraints | true;
  /** Read the list again (after permission, names appear). */
  refresh(): void;
}

export function microphoneSelect(): DeviceSelect {
  const element = document.createElement("select");
  element.className = "pagelet-device-select";
  element.setAttribute("aria-label", "Select input device");

  const show = (devices: readonly MediaDeviceInfo[]): void => {
    const chosen = element.value;
    // A device without an id is one the page may not name yet; Gradio leaves those out too.
    const microphones = devices.filter((device) => device.kind === "audioinput" && device.deviceId !== "");
    element.replaceChildren(
      ...(microphones.length === 0
        ? [new Option("No microphone found", "")]
        : microphones.map((device, index) => new Option(device.label || `Microphone ${index + 1}`, device.deviceId))),
    );
    element.disabled = microphones.length === 0;
    if (microphones.some((device) => device.deviceId === chosen)) element.value = chosen;
  };

  const refresh = (): void => {
    // No media devices on an insecure page: the list stays "No microphone found".
    void navigator.mediaDevices?.enumerateDevices().then(show, () => show([]));
  };
  show([]);
  refresh();

  return {
    element,
    audio: () => (element.value === "" ? true : { deviceId: { exact: element.value } }),
    refresh,
  };
}

/** Seconds as Gradio's players and recorders show them: "0:07", "1:05". */
export function clockTime(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}
