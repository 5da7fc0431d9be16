"""The widget's CSS: container rules (not fixed widths), so it fits the space it is given.

The chat and the plan sit side by side when the widget is at least ``SIDE_BY_SIDE_PX``
wide and stack when narrower, whatever the window, file browser or sidebar take.
Buttons size to their labels and wrap to a new line instead of truncating.
"""

SIDE_BY_SIDE_PX = 860

STYLE = f"""<style>
.td-chat{{container-type:inline-size;container-name:tdchat;width:100%;box-sizing:border-box}}
.td-chat .td-main{{display:flex;flex-direction:column;gap:10px;width:100%}}
.td-chat .td-pane{{min-width:0;width:100%}}
@container tdchat (min-width:{SIDE_BY_SIDE_PX}px){{
 .td-chat .td-main{{flex-direction:row}}
 .td-chat .td-pane-chat{{flex:1 1 55%}}
 .td-chat .td-pane-plan{{flex:1 1 45%}}
}}
.td-chat .td-bar{{flex-wrap:wrap;gap:4px;align-items:center}}
.td-chat .td-bar .widget-button,.td-chat .td-questions .widget-button,
.td-chat .td-actions .widget-button{{width:auto;min-width:max-content;flex:0 0 auto;
 padding:0 10px;overflow:visible;text-overflow:clip}}
.td-chat .td-questions{{flex-wrap:wrap;gap:4px}}
.td-chat .td-questions .widget-button{{min-width:0;max-width:100%;height:auto;
 white-space:normal;line-height:1.3;padding:4px 10px}}
.td-chat .td-bar .td-session{{width:auto;min-width:16em;max-width:32em;flex:1 1 20em}}
.td-chat .td-bar .td-export-format{{width:auto;flex:0 0 auto}}
.td-chat .td-bar .widget-dropdown select{{text-overflow:ellipsis}}
.td-chat .td-transcript{{display:flex;flex-direction:column-reverse;max-height:440px;
 overflow:auto;border:1px solid #e2e8f0}}
.td-chat .td-live:not(:has(.td-msg)){{display:none}}
.td-chat .td-days .jupyter-widget-Collapse-header{{padding:4px 8px;font-weight:600}}
.td-chat .td-days .jupyter-widget-Collapse-contents{{padding:4px 8px}}
.td-msg{{border-radius:8px;padding:6px 10px;margin:4px 0;max-width:100%;overflow-wrap:anywhere}}
.td-user{{background:#e0f2fe}}.td-assistant{{background:#f1f5f9}}
.td-error{{background:#fee2e2;color:#991b1b}}.td-notice{{background:#fef9c3}}
.td-msg .td-tools code{{white-space:pre-wrap;overflow-wrap:anywhere}}
.td-day{{border-collapse:collapse;font-size:12px;width:100%}}
.td-day td,.td-day th{{padding:2px 6px;border-bottom:1px solid #e2e8f0;text-align:left}}
.td-day .td-time,.td-day .td-cost{{white-space:nowrap;font-variant-numeric:tabular-nums}}
.td-day .td-cost{{text-align:right}}
.td-problems{{color:#991b1b}}.td-ok{{color:#166534}}
.td-status{{font-size:12px;color:#334155}}
.td-reload{{color:#92400e}}
.td-map{{position:relative;width:100%;max-width:560px;margin:4px 0 12px}}
.td-map .td-svg-map svg{{display:block;width:100%;height:auto}}
.td-map .td-leaflet{{position:absolute !important;inset:0;width:auto !important;
 height:auto !important;visibility:hidden}}
.td-map:has(.leaflet-tile-loaded) .td-leaflet{{visibility:visible}}
.td-map:has(.leaflet-tile-loaded) .td-svg-map{{visibility:hidden}}
.td-map.td-stale .td-leaflet{{visibility:hidden !important}}
.td-map.td-stale .td-svg-map{{visibility:visible !important}}
.td-pin{{display:inline-block;width:22px;height:22px;border-radius:11px;background:#2563eb;
 color:#fff;font:bold 12px/22px sans-serif;text-align:center;box-shadow:0 0 0 2px #fff}}
.td-pin-meal{{background:#d97706}}.td-pin-hotel{{background:#7c3aed;border-radius:4px}}
.td-pin-label{{position:absolute;left:26px;top:3px;white-space:nowrap;font:12px sans-serif;
 color:#0f172a;background:rgba(255,255,255,.85);padding:0 3px;border-radius:3px}}
.leaflet-div-icon:has(.td-pin){{background:transparent;border:0}}
</style>"""
