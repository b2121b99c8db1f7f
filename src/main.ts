import { mount } from 'svelte';
import defaultLayouts from 'virtual:default-layouts';
import App from './App.svelte';
import { layoutKey } from './graph/elk-graph';
import { UpdateManager } from './pwa/update-manager.svelte';
import './ui/common/svelte-css-wrapper.css';

const target = document.getElementById('app');
if (!target) throw new Error('Mangler #app-elementet i index.html');

const updates = new UpdateManager();
updates.start();

export default mount(App, {
  target,
  props: { initialLayout: (input) => defaultLayouts[layoutKey(input)], updates },
});
