import { mount } from 'svelte';
import defaultLayouts from 'virtual:default-layouts';
import App from './App.svelte';
import { layoutKey } from './graph/elk-graph';

const target = document.getElementById('app');
if (!target) throw new Error('Mangler #app-elementet i index.html');

export default mount(App, { target, props: { initialLayout: (input) => defaultLayouts[layoutKey(input)] } });
