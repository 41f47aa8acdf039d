// Every page is prerendered at build time: it opens fast and reads without JavaScript.
export const prerender = true;
