using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Clearance.Web.Tests.Pages;

/// <summary>Accessibility checks run in the browser on the page as rendered: text contrast (WCAG 2.2 1.4.3), the focus
/// indicator of every control reached by Tab (2.1.1, 2.4.7, 1.4.11) and an accessible name on every control (4.1.2, as
/// Chromium computes it). Each returns the failures, described well enough to find the element.</summary>
static class Accessibility
{
    /// <summary>The colour helpers shared by the scripts: parse a computed colour, composite it over what is beneath,
    /// relative luminance and contrast ratio as WCAG defines them, and the effective background of an element found by
    /// walking up the ancestors and compositing their background colours over the white canvas.</summary>
    const string Colours = """
        const parse = text => {
            const m = /^rgba?\(([^)]*)\)$/.exec(text.trim());
            if (!m) return null;
            const p = m[1].split(/[\s,\/]+/).filter(x => x.length).map(x => x.endsWith('%') ? parseFloat(x) / 100 : parseFloat(x));
            return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
        };
        const over = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
        const channel = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
        const luminance = c => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
        const ratio = (x, y) => { const a = luminance(x), b = luminance(y); return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); };
        const css = c => `rgb(${Math.round(c.r)}, ${Math.round(c.g)}, ${Math.round(c.b)})`;
        const backgroundOf = el => {
            const layers = [];
            for (let e = el; e; e = e.parentElement) {
                const s = getComputedStyle(e);
                if (s.backgroundImage !== 'none') return null;
                const c = parse(s.backgroundColor);
                if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
            }
            let bg = { r: 255, g: 255, b: 255, a: 1 };
            for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
            return bg;
        };
        const describe = el => {
            const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
            const text = (el.innerText ?? el.textContent ?? el.value ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
            return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls} "${text}"`;
        };
        """;

    /// <summary>Every element holding visible text (and every visible control) outside SVG: its text colour against its
    /// effective background must reach 4.5:1, or 3:1 for large text (24px, or 18.66px bold). SVG text is drawn with
    /// fill over shapes whose colours this walk cannot see; the charts carry table alternatives.</summary>
    const string ContrastScript = "() => {" + Colours + """
            const targets = new Set();
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const n = walker.currentNode;
                if (n.nodeValue.trim() && n.parentElement) targets.add(n.parentElement);
            }
            document.querySelectorAll('input:not([type=hidden]), select, textarea, button').forEach(e => targets.add(e));
            const failures = [];
            let checked = 0;
            for (const el of targets) {
                if (el.closest('svg, option, script, style, title') || el.disabled) continue;
                if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
                const rect = el.getBoundingClientRect();
                if (rect.width === 0 || rect.height === 0) continue;
                const s = getComputedStyle(el);
                if (s.clip === 'rect(0px, 0px, 0px, 0px)') continue;
                const bg = backgroundOf(el);
                const fg = parse(s.color);
                if (!bg || !fg) { failures.push(`${describe(el)}: colour not computable (${s.color} on ${s.backgroundImage})`); continue; }
                const size = parseFloat(s.fontSize);
                const bold = parseInt(s.fontWeight, 10) >= 700;
                const need = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
                const r = ratio(over(fg, bg), bg);
                checked++;
                if (r < need) failures.push(`${describe(el)}: ${r.toFixed(2)}:1 (${s.color} on ${css(bg)}, ${size}px${bold ? ' bold' : ''}), needs ${need}:1`);
            }
            return { checked, failures };
        }
        """;

    /// <summary>After a Tab: the focused element (state "outside" when focus left the page, "same" on another field of
    /// the same control, "again" when it came back round to a control already reached), marked as reached, and whether its focus indicator is visible: an outline at least 2px wide of at least 3:1 against the background
    /// around it, and the element on screen.</summary>
    const string FocusScript = "() => {" + Colours + """
            const el = document.activeElement;
            if (!el || el === document.body || el === document.documentElement) return { state: 'outside' };
            // A date input has a Tab stop for each of its fields (month, day, year): the same element again.
            if (el === window.a11yLastStop) return { state: 'same' };
            if (el.dataset.a11yTabbed) return { state: 'again' };
            window.a11yLastStop = el;
            el.dataset.a11yTabbed = '1';
            const s = getComputedStyle(el);
            const rect = el.getBoundingClientRect();
            const problems = [];
            if (rect.right <= 0 || rect.bottom <= 0 || rect.left >= innerWidth || rect.top >= innerHeight) problems.push(`off screen at (${Math.round(rect.left)}, ${Math.round(rect.top)})`);
            if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 2) {
                problems.push(`no focus outline (${s.outlineStyle} ${s.outlineWidth})`);
            } else {
                const ring = parse(s.outlineColor);
                const around = backgroundOf(el.parentElement ?? el);
                const r = ring && around ? ratio(over(ring, around), around) : 0;
                if (r < 3) problems.push(`focus outline ${s.outlineColor} is ${r.toFixed(2)}:1 against ${around ? css(around) : 'an image'}, needs 3:1`);
            }
            return { state: 'control', element: describe(el), problem: problems.join('; ') };
        }
        """;

    /// <summary>The visible controls Tab did not reach (a radio group counts as reached through any of its radios).</summary>
    const string UnreachedScript = "() => {" + Colours + """
            const controls = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')];
            const reached = el => el.dataset.a11yTabbed
                || (el.type === 'radio' && [...document.getElementsByName(el.name)].some(r => r.dataset.a11yTabbed));
            return controls
                .filter(el => !el.disabled && el.checkVisibility({ visibilityProperty: true }) && el.getClientRects().length > 0 && !reached(el))
                .map(describe);
        }
        """;

    const int MaximumTabs = 600;

    /// <summary>Text below the contrast WCAG AA asks, and how many text elements were checked.</summary>
    public static async Task<(int Checked, IReadOnlyList<string> Failures)> ContrastAsync(IPage page)
    {
        var result = await page.EvaluateAsync<JsonElement>(ContrastScript);
        return (result.GetProperty("checked").GetInt32(), [.. result.GetProperty("failures").EnumerateArray().Select(f => f.GetString()!)]);
    }

    /// <summary>Tabs through the page from its top (call it right after the page loads): every stop must show a visible
    /// focus indicator and every visible control must be reached. Returns the failures and the number of stops.</summary>
    public static async Task<(int Stops, IReadOnlyList<string> Failures)> TabThroughAsync(IPage page)
    {
        var failures = new List<string>();
        var stops = 0;
        var outside = 0;
        // A control focused on load (autofocus) is the first stop; the walk goes round the page once, through the
        // browser's own stop outside the page, until it comes back to a control already reached.
        var stop = await page.EvaluateAsync<JsonElement>(FocusScript);
        for (var i = 0; i < MaximumTabs; i++)
        {
            if (i > 0)
            {
                await page.Keyboard.PressAsync("Tab");
                stop = await page.EvaluateAsync<JsonElement>(FocusScript);
            }

            var state = stop.GetProperty("state").GetString();
            if (state == "again" || (state == "outside" && ++outside > 2))
            {
                break;
            }

            if (state is "outside" or "same")
            {
                continue;
            }

            stops++;
            var problem = stop.GetProperty("problem").GetString();
            if (!string.IsNullOrEmpty(problem))
            {
                failures.Add($"{stop.GetProperty("element").GetString()}: {problem}");
            }
        }

        failures.AddRange((await page.EvaluateAsync<string[]>(UnreachedScript)).Select(e => $"{e}: not reached by Tab"));
        return (stops, failures);
    }

    /// <summary>Every link, button, input, select and textarea whose accessible name, as Chromium's accessibility tree
    /// computes it, is empty (the name a screen reader announces: label, aria-label(ledby), title, content).</summary>
    public static async Task<(int Checked, IReadOnlyList<string> Failures)> UnnamedControlsAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        try
        {
            var document = await cdp.SendAsync("DOM.getDocument", new() { ["depth"] = 0 });
            var root = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32();
            var found = await cdp.SendAsync("DOM.querySelectorAll", new()
            {
                ["nodeId"] = root,
                ["selector"] = "a[href], button, input:not([type=hidden]), select, textarea",
            });
            var failures = new List<string>();
            var checkedCount = 0;
            foreach (var id in found!.Value.GetProperty("nodeIds").EnumerateArray().Select(n => n.GetInt32()))
            {
                var tree = await cdp.SendAsync("Accessibility.getPartialAXTree", new() { ["nodeId"] = id, ["fetchRelatives"] = false });
                var node = tree!.Value.GetProperty("nodes").EnumerateArray().FirstOrDefault();
                if (node.ValueKind != JsonValueKind.Object || (node.TryGetProperty("ignored", out var ignored) && ignored.GetBoolean()))
                {
                    continue;
                }

                checkedCount++;
                var name = node.TryGetProperty("name", out var n) && n.TryGetProperty("value", out var v) ? v.GetString() : null;
                if (string.IsNullOrWhiteSpace(name))
                {
                    var html = (await cdp.SendAsync("DOM.getOuterHTML", new() { ["nodeId"] = id }))!.Value.GetProperty("outerHTML").GetString()!;
                    var role = node.TryGetProperty("role", out var r) && r.TryGetProperty("value", out var rv) ? rv.GetString() : "?";
                    failures.Add(string.Create(CultureInfo.InvariantCulture, $"{role} without an accessible name: {html[..Math.Min(160, html.Length)]}"));
                }
            }

            return (checkedCount, failures);
        }
        finally
        {
            await cdp.DetachAsync();
        }
    }

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/> (it may be focused already),
    /// as a person reaches a control with the keyboard; fails when a whole round of the page does not reach it.</summary>
    public static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < MaximumTabs; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) === true", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {selector} on {page.Url}");
    }
}
