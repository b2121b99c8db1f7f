// The bench's "floor" page: the whole app, but its graph at fixed grid positions, with no
// layout at all (no build-time layout, no worker). The app and the floor differ only there.
// Also exposes window.__benchLayout (see globals.d.ts), which times ELK in its Web Worker.
import { mount } from 'svelte';
import App from '../../src/App.svelte';
import { gridLayout } from './grid-layout';

const CATALOGUE_URL = `${import.meta.env.BASE_URL}catalogues/rollegalleri-1.5.json`;

// Loaded only when called, so the floor page itself never pulls in the layout code.
window.__benchLayout = async (warmRuns) => (await import('./bench-layout')).benchLayout(CATALOGUE_URL, warmRuns);
window.__benchExport = async (warmRuns) => (await import('./bench-export')).benchExport(CATALOGUE_URL, warmRuns);

const target = document.getElementById('app');
if (!target) throw new Error('Mangler #app-elementet i floor.html');

export default mount(App, { target, props: { initialLayout: gridLayout } });
