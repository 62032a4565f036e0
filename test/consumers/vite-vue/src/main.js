import { createApp } from 'vue';
import App from './App.vue';
// docs/frameworks.md's Vue recipe, copied here by the test: built with the app, so it compiles.
import Recipe from './Recipe.vue';

createApp(App).component('DocsRecipe', Recipe).mount('#app');
