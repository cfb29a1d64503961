// The sidebar's browser code. It talks to the add-on only through google.script.run.
document.documentElement.lang = 'ko';
