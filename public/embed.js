/*
 * Tinh Gọn embed host script. Paste an embed's <iframe> and this script (once per page):
 *
 *   <iframe src="https://…/embed/chi-so/communes/ranking-34/" title="…" width="100%" height="720"
 *           loading="lazy" frameborder="0" data-tinhgon-embed></iframe>
 *   <script src="https://…/embed.js" async></script>
 *
 * Each embed posts {type: 'tinhgon:height', height} to its host whenever its content changes height;
 * this script sets the height of the iframe that sent it. Messages from other origins are ignored.
 * Without this script, listen yourself:
 *   addEventListener('message', (e) => { if (e.origin === SITE && e.data.type === 'tinhgon:height')
 *     for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === e.source) f.style.height = e.data.height + 'px'; });
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var origin = script && script.src ? new URL(script.src, location.href).origin : null;
  if (window.__tinhGonEmbed) return;
  window.__tinhGonEmbed = true;
  function frames() {
    return document.querySelectorAll('iframe[data-tinhgon-embed]');
  }
  window.addEventListener('message', function (e) {
    if (origin && e.origin !== origin) return;
    var d = e.data;
    if (!d || d.type !== 'tinhgon:height' || typeof d.height !== 'number' || !(d.height > 0)) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].contentWindow === e.source) list[i].style.height = Math.ceil(d.height) + 'px';
    }
  });
  // Embeds that loaded before this script report their height again when asked.
  function ping() {
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].contentWindow) list[i].contentWindow.postMessage({ type: 'tinhgon:ping' }, origin || '*');
    }
  }
  ping();
  window.addEventListener('load', ping);
})();
