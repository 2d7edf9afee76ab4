/**
 * The WebGL scene of gr.Model3D, drawn by three.js: one model in the middle,
 * lit, with orbit controls (drag to turn, wheel to zoom, right-drag to pan).
 * This module and three.js are a chunk of their own, imported by `model3d.ts`
 * only when a model is shown on a page that has WebGL.
 */
import {
  AmbientLight,
  Box3,
  BufferGeometry,
  Color,
  DirectionalLight,
  Group,
  Mesh,
  MeshStandardMaterial,
  type Object3D,
  PerspectiveCamera,
  Points,
  PointsMaterial,
  Scene,
  Sphere,
  Vector3,
  WebGLRenderer,
} from "three";
import { OrbitControls } from "three/examples/jsm/controls/OrbitControls.js";
import { GLTFLoader } from "three/examples/jsm/loaders/GLTFLoader.js";
import { OBJLoader } from "three/examples/jsm/loaders/OBJLoader.js";
import { PLYLoader } from "three/examples/jsm/loaders/PLYLoader.js";
import { STLLoader } from "three/examples/jsm/loaders/STLLoader.js";

export interface ViewOptions {
  /** RGBA, each 0..1 (Gradio's `clear_color`). */
  clearColor: readonly [number, number, number, number];
  /** Gradio's `(alpha, beta, radius)`: degrees around and above the model, and distance; null picks a default. */
  cameraPosition: readonly [number | null, number | null, number | null];
  zoomSpeed: number;
  panSpeed: number;
  displayMode: "solid" | "point_cloud" | "wireframe";
}

export interface Viewer {
  /** Show the model at `url`; `extension` (".glb" ...) picks the loader. Rejects with a sentence when it cannot. */
  show(url: string, extension: string): Promise<void>;
  configure(options: ViewOptions): void;
  /** Put the camera back where `camera_position` (or the default) has it. */
  resetView(): void;
  dispose(): void;
}

/** The extensions this viewer draws. */
export const DRAWN_EXTENSIONS: readonly string[] = [".obj", ".glb", ".gltf", ".stl", ".ply"];

async function loadModel(url: string, extension: string): Promise<Object3D> {
  switch (extension) {
    case ".glb":
    case ".gltf":
      return (await new GLTFLoader().loadAsync(url)).scene;
    case ".obj":
      return new OBJLoader().loadAsync(url);
    case ".stl":
      return new Mesh(await new STLLoader().loadAsync(url), new MeshStandardMaterial({ color: 0x9aa4b2 }));
    case ".ply": {
      const geometry = await new PLYLoader().loadAsync(url);
      geometry.computeVertexNormals();
      // A PLY without faces is a point cloud (the usual scan output).
      return geometry.index === null
        ? new Points(geometry, new PointsMaterial({ size: 0.01, vertexColors: geometry.hasAttribute("color") }))
        : new Mesh(geometry, new MeshStandardMaterial({ vertexColors: geometry.hasAttribute("color") }));
    }
    default:
      throw new Error(`${extension || "This"} files cannot be drawn here; the viewer draws ${DRAWN_EXTENSIONS.join(", ")}.`);
  }
}

/** Gradio's display modes: wireframe materials, or every mesh's vertices as points. */
function applyDisplayMode(model: Object3D, mode: ViewOptions["displayMode"]): Object3D {
  if (mode === "solid") return model;
  const meshes: Mesh[] = [];
  model.traverse((child) => {
    if (child instanceof Mesh) meshes.push(child);
  });
  if (mode === "wireframe") {
    for (const mesh of meshes) {
      for (const material of Array.isArray(mesh.material) ? mesh.material : [mesh.material]) {
        if ("wireframe" in material) material.wireframe = true;
      }
    }
    return model;
  }
  const cloud = new Group();
  for (const mesh of meshes) {
    const points = new Points(mesh.geometry as BufferGeometry, new PointsMaterial({ size: 0.01, color: 0x9aa4b2 }));
    mesh.updateWorldMatrix(true, false);
    points.applyMatrix4(mesh.matrixWorld);
    cloud.add(points);
  }
  return cloud;
}

export function createViewer(canvas: HTMLCanvasElement): Viewer {
  const renderer = new WebGLRenderer({ canvas, antialias: true, alpha: true, preserveDrawingBuffer: true });
  renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2));
  const scene = new Scene();
  scene.add(new AmbientLight(0xffffff, 1.2));
  const sun = new DirectionalLight(0xffffff, 2);
  sun.position.set(3, 5, 4);
  scene.add(sun);
  const camera = new PerspectiveCamera(45, 1, 0.01, 1000);
  const controls = new OrbitControls(camera, canvas);
  controls.enableDamping = true;
  let model: Object3D | null = null;
  let bounds = new Sphere(new Vector3(), 1);
  let options: ViewOptions = { clearColor: [0, 0, 0, 0], cameraPosition: [null, null, null], zoomSpeed: 1, panSpeed: 1, displayMode: "solid" };
  let frame = 0;

  const resize = (): void => {
    const width = canvas.clientWidth || 300;
    const height = canvas.clientHeight || 300;
    if (canvas.width !== Math.floor(width * renderer.getPixelRatio()) || canvas.height !== Math.floor(height * renderer.getPixelRatio())) {
      renderer.setSize(width, height, false);
      camera.aspect = width / height;
      camera.updateProjectionMatrix();
    }
  };
  const draw = (): void => {
    frame = requestAnimationFrame(draw);
    resize();
    controls.update();
    renderer.render(scene, camera);
  };

  const resetView = (): void => {
    const [alpha, beta, radius] = options.cameraPosition;
    // Babylon's arc-rotate convention, which Gradio's numbers follow: alpha around the vertical axis from +x, beta down from the top.
    const a = ((alpha ?? 90) * Math.PI) / 180;
    const b = ((beta ?? 80) * Math.PI) / 180;
    const r = radius ?? bounds.radius * 2.8;
    const centre = bounds.center;
    camera.position.set(centre.x + r * Math.cos(a) * Math.sin(b), centre.y + r * Math.cos(b), centre.z + r * Math.sin(a) * Math.sin(b));
    camera.near = Math.max(r / 1000, 0.001);
    camera.far = r * 100;
    camera.updateProjectionMatrix();
    controls.target.copy(centre);
    controls.update();
  };

  draw();
  return {
    async show(url, extension) {
      const loaded = applyDisplayMode(await loadModel(url, extension), options.displayMode);
      if (model) scene.remove(model);
      model = loaded;
      scene.add(loaded);
      const box = new Box3().setFromObject(loaded);
      bounds = box.isEmpty() ? new Sphere(new Vector3(), 1) : box.getBoundingSphere(new Sphere());
      resetView();
    },
    configure(next) {
      options = next;
      const [red, green, blue, alpha] = next.clearColor;
      renderer.setClearColor(new Color(red, green, blue), alpha);
      controls.zoomSpeed = next.zoomSpeed;
      controls.panSpeed = next.panSpeed;
    },
    resetView,
    dispose() {
      cancelAnimationFrame(frame);
      controls.dispose();
      renderer.dispose();
    },
  };
}
