/**
 * Opening the camera or the microphone, with the reason in words when the
 * browser refuses: the person reads it where the control is.
 */

export type Device = "camera" | "microphone";

/** Thrown by `openStream`; `message` is a sentence for the person. */
export class DeviceError extends Error {}

function reason(error: unknown, device: Device): string {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") {
    return `Permission to use the ${device} was denied. Allow ${device} access for this page in the browser and try again.`;
  }
  if (name === "NotFoundError" || name === "OverconstrainedError") return `No ${device} was found that this app can use.`;
  if (name === "NotReadableError") return `The ${device} is in use by another program.`;
  return `Could not open the ${device}: ${error instanceof Error ? error.message : String(error)}`;
}

/** A live stream from `device`, asking with `constraints`; rejects with a `DeviceError`. */
export async function openStream(device: Device, constraints: MediaStreamConstraints): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new DeviceError(`This page cannot use the ${device}: the browser allows it only on https or localhost pages.`);
  }
  try {
    return await navigator.mediaDevices.getUserMedia(constraints);
  } catch (error) {
    throw new DeviceError(reason(error, device));
  }
}

export function stopStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
