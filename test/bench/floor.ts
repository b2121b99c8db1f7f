// The bench's "floor" page: the app's graph at fixed positions, with no layout at all.
// Also exposes window.__benchLayout (see globals.d.ts), which times ELK in its Web Worker.
import { mount } from 'svelte';
import Floor from './Floor.svelte';

const CATALOGUE_URL = `${import.meta.env.BASE_URL}catalogues/rollegalleri-1.5.json`;

// Loaded only when called, so the floor page itself never pulls in the layout code.
window.__benchLayout = async (warmRuns) => (await import('./bench-layout')).benchLayout(CATALOGUE_URL, warmRuns);

const target = document.getElementById('app');
if (!target) throw new Error('Mangler #app-elementet i floor.html');

export default mount(Floor, { target });
