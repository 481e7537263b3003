(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("flipbench-data").textContent);
  const browser = data.browser;
  const state = { filters: {}, condition: "", view: "side", selected: null };
  const FILTER_KEYS = ["run", "localizer", "language", "fault", "spm", "strength"];

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "text") node.textContent = value;
      else if (key === "className") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of [].concat(children || [])) {
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  // -- tables: filters, row counts, sorting ------------------------------------------------------------------

  function rowMatches(row) {
    for (const key of FILTER_KEYS) {
      const wanted = state.filters[key];
      if (wanted && row.dataset[key] !== undefined && row.dataset[key] !== wanted) return false;
    }
    return true;
  }

  function applyFilters() {
    document.querySelectorAll("table.data").forEach(function (table) {
      const rows = table.tBodies[0].rows;
      let shown = 0;
      for (const row of rows) {
        const visible = rowMatches(row);
        row.hidden = !visible;
        if (visible) shown += 1;
      }
      const counter = document.querySelector('[data-count-for="' + table.dataset.table + '"]');
      if (counter) counter.textContent = shown === rows.length ? rows.length + " rows" : shown + " of " + rows.length + " rows";
    });
    document.querySelectorAll("#filters select").forEach(function (select) {
      select.classList.toggle("active", Boolean(select.value));
    });
    renderList();
  }

  function sortValue(cell) {
    const raw = cell.dataset.sort;
    if (raw === undefined || raw === "") return null;
    const number = Number(raw);
    return Number.isNaN(number) ? raw.toLowerCase() : number;
  }

  function sortTable(table, index, header) {
    const ascending = !header.classList.contains("sorted-asc");
    table.querySelectorAll("th").forEach(function (th) { th.classList.remove("sorted-asc", "sorted-desc"); });
    header.classList.add(ascending ? "sorted-asc" : "sorted-desc");
    const body = table.tBodies[0];
    const rows = Array.from(body.rows);
    rows.sort(function (a, b) {
      const x = sortValue(a.cells[index]), y = sortValue(b.cells[index]);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * (ascending ? 1 : -1);
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  document.querySelectorAll("table.data").forEach(function (table) {
    table.querySelectorAll("th").forEach(function (th, index) {
      th.addEventListener("click", function () { sortTable(table, index, th); });
    });
  });

  document.querySelectorAll("#filters select").forEach(function (select) {
    select.addEventListener("change", function () {
      state.filters[select.dataset.filter] = select.value;
      applyFilters();
    });
  });

  document.getElementById("reset-filters").addEventListener("click", function () {
    document.querySelectorAll("#filters select").forEach(function (select) { select.value = ""; });
    state.filters = {};
    state.condition = "";
    applyFilters();
  });

  function setFilter(key, value) {
    const select = document.querySelector('#filters select[data-filter="' + key + '"]');
    if (select) {
      const known = Array.from(select.options).some(function (option) { return option.value === value; });
      select.value = known ? value : "";
      state.filters[key] = select.value;
    } else {
      state.filters[key] = "";
    }
  }

  document.querySelectorAll("a.open-flips").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      FILTER_KEYS.forEach(function (key) { setFilter(key, ""); });
      setFilter("localizer", link.dataset.localizer);
      if (link.dataset.run) setFilter("run", link.dataset.run);
      setFilter("outcome", "flip");
      state.condition = link.dataset.condition;
      state.selected = null;
      applyFilters();
      const first = visiblePairs()[0];
      if (first) selectPair(first);
      document.getElementById("browser").scrollIntoView();
    });
  });

  // -- the task browser ------------------------------------------------------------------------------------

  function pairMatches(pair) {
    for (const key of FILTER_KEYS) {
      const wanted = state.filters[key];
      if (wanted && String(pair[key]) !== wanted) return false;
    }
    if (state.filters.outcome && pair.outcome !== state.filters.outcome) return false;
    if (state.condition && pair.condition !== state.condition) return false;
    return true;
  }

  function visiblePairs() { return browser.pairs.filter(pairMatches); }

  function outcomeBadge(outcome) {
    return el("span", { className: "outcome outcome-" + outcome.replace(" ", "-"), text: outcome });
  }

  function renderList() {
    const list = document.getElementById("pairs");
    if (!list) return;
    const pairs = visiblePairs();
    list.replaceChildren();
    const head = document.getElementById("pair-count");
    head.replaceChildren(pairs.length + " of " + browser.pairs.length + " embedded pairs");
    if (state.condition) {
      head.appendChild(el("span", {}, [" · condition ", el("b", { text: state.condition }), " ",
        el("a", { href: "#browser", text: "×", title: "all conditions", onclick: function (event) {
          event.preventDefault(); state.condition = ""; applyFilters();
        } })]));
    }
    for (const pair of pairs) {
      const item = el("li", { role: "option", "data-pair": pair.id, "aria-selected": state.selected === pair.id ? "true" : "false",
        className: state.selected === pair.id ? "selected" : "", onclick: function () { selectPair(pair); } }, [
        el("span", { className: "pair-title", text: pair.program + " · " + pair.condition }),
        outcomeBadge(pair.outcome),
        el("span", { className: "pair-sub", text: pair.localizer + " · " + pair.fault + (pair.draw ? " · draw " + pair.draw : "") + (pair.run && data.report.runs.length > 1 ? " · " + pair.run : "") }),
      ]);
      list.appendChild(item);
    }
    if (state.selected && !pairs.some(function (pair) { return pair.id === state.selected; })) {
      state.selected = null;
    }
    if (!state.selected && pairs.length) selectPair(pairs[0], true);
    if (!pairs.length) {
      document.getElementById("pair-view").replaceChildren(el("p", { className: "muted empty", text: "No embedded pair matches the filters." }));
    }
  }

  function selectPair(pair, quiet) {
    state.selected = pair.id;
    document.querySelectorAll("#pairs li").forEach(function (item) {
      const on = item.dataset.pair === pair.id;
      item.classList.toggle("selected", on);
      item.setAttribute("aria-selected", on ? "true" : "false");
    });
    renderPair(pair);
  }

  function firstLine(answer) { return answer && answer.lines && answer.lines.length ? answer.lines[0] : null; }

  function answerCard(kind, label, answer, note) {
    if (!answer) {
      return el("div", { className: "answer " + kind }, [el("div", { className: "answer-label", text: label }),
        el("div", { className: "answer-line muted", text: "not asked" })]);
    }
    const line = firstLine(answer);
    const children = [el("div", { className: "answer-label" }, [el("span", { className: "tag tag-" + kind[0].toUpperCase(), text: kind[0].toUpperCase() }), " " + label]),
      el("div", { className: "answer-line" }, [line === null ? "no line" : "line " + line, " ",
        el("span", { className: "verdict-" + answer.status, text: answer.status === "correct" ? "✓ correct" : answer.status === "wrong" ? "✗ wrong" : "error" })])];
    const more = answer.lines && answer.lines.length > 1 ? "then " + answer.lines.slice(1).join(", ") : "";
    const details = [more, answer.parsed_from ? "read from " + answer.parsed_from : "",
      answer.expected_correct !== null && answer.expected_correct !== undefined ? "chance over the tie-break " + Math.round(answer.expected_correct * 100) + "%" : "",
      answer.error || "", note || ""].filter(Boolean).join(" · ");
    if (details) children.push(el("div", { className: "answer-label", text: details }));
    return el("div", { className: "answer " + kind }, children);
  }

  function lineSet(values) { return new Set((values || []).map(Number)); }

  function codeLine(numbers, text, classes, tags) {
    const marks = el("span", { className: "marks" }, tags.map(function (tag) { return el("span", { className: "tag tag-" + tag, text: tag }); }));
    const children = numbers.map(function (number) { return el("span", { className: "no", text: number === null ? "" : String(number) }); });
    const row = el("div", { className: "ln " + classes.join(" "), "data-line": numbers[numbers.length - 1] === null ? numbers[0] : numbers[numbers.length - 1] }, children.concat([marks, el("code", { text: text })]));
    if (numbers.length === 2) row.style.gridTemplateColumns = "38px 38px 44px minmax(0, 1fr)";
    return row;
  }

  function marksFor(side, number, pair) {
    const classes = [], tags = [];
    if (side === "before") {
      if (lineSet(pair.fault_lines_before).has(number)) classes.push("fault");
      if (firstLine(pair.before) === number) { classes.push("pred-before"); tags.push("B"); }
      if (firstLine(pair.control) === number) { classes.push("pred-control"); tags.push("C"); }
    } else {
      if (lineSet(pair.fault_lines_after).has(number)) classes.push("fault");
      if (pair.edits.some(function (edit) { return edit.line === number; })) classes.push("edit");
      if (firstLine(pair.after) === number) { classes.push("pred-after"); tags.push("A"); }
    }
    return { classes: classes, tags: tags };
  }

  function pane(title, note, side, source, pair) {
    const code = el("div", { className: "code", "data-side": side });
    source.replace(/\n$/, "").split("\n").forEach(function (text, index) {
      const number = index + 1;
      const marks = marksFor(side, number, pair);
      code.appendChild(codeLine([number], text, marks.classes, marks.tags));
    });
    return el("div", { className: "pane" }, [el("div", { className: "pane-title" }, [el("b", { text: title }), el("span", { text: note })]), code]);
  }

  function diffPane(pair, before, after) {
    const old = before.replace(/\n$/, "").split("\n"), neu = after.replace(/\n$/, "").split("\n");
    const code = el("div", { className: "code", "data-side": "diff" });
    const CONTEXT = 3;
    for (const [tag, i1, i2, j1, j2] of pair.diff) {
      if (tag === "equal") {
        const length = i2 - i1;
        for (let k = 0; k < length; k += 1) {
          const keep = length <= 2 * CONTEXT + 2 || k < CONTEXT || k >= length - CONTEXT || interesting(pair, i1 + k + 1, j1 + k + 1);
          if (!keep) {
            let skipped = 0;
            while (k < length - CONTEXT && !interesting(pair, i1 + k + 1, j1 + k + 1)) { skipped += 1; k += 1; }
            k -= 1;
            code.appendChild(el("div", { className: "ln gap" }, [el("span", { className: "no" }), el("span", { className: "no" }), el("span", { className: "marks" }), el("code", { text: "⋯ " + skipped + " unchanged lines" })]));
            code.lastChild.style.gridTemplateColumns = "38px 38px 44px minmax(0, 1fr)";
            continue;
          }
          const left = marksFor("before", i1 + k + 1, pair), right = marksFor("after", j1 + k + 1, pair);
          const classes = Array.from(new Set(left.classes.concat(right.classes)));
          code.appendChild(codeLine([i1 + k + 1, j1 + k + 1], neu[j1 + k], classes, left.tags.concat(right.tags)));
        }
      } else {
        for (let i = i1; i < i2; i += 1) {
          const marks = marksFor("before", i + 1, pair);
          code.appendChild(codeLine([i + 1, null], old[i], ["removed"].concat(marks.classes), marks.tags));
        }
        for (let j = j1; j < j2; j += 1) {
          const marks = marksFor("after", j + 1, pair);
          code.appendChild(codeLine([null, j + 1], neu[j], ["added"].concat(marks.classes), marks.tags));
        }
      }
    }
    return el("div", { className: "pane" }, [el("div", { className: "pane-title" }, [el("b", { text: "faulty program → variant" }), el("span", { text: "unified diff" })]), code]);
  }

  function interesting(pair, oldNumber, newNumber) {
    return marksFor("before", oldNumber, pair).classes.length > 0 || marksFor("after", newNumber, pair).classes.length > 0;
  }

  function promptText(subjectId) {
    const prompt = browser.prompts[subjectId];
    if (!prompt) return null;
    if (prompt.user !== undefined) return { system: prompt.system, user: prompt.user };
    const source = (browser.sources[prompt.user_source] || "").replace(/\n+$/, "");
    return { system: prompt.system, user: prompt.user_before + source + prompt.user_after };
  }

  function block(title, children, open) {
    return el("details", { className: "block", open: open }, [el("summary", { text: title })].concat(children));
  }

  function promptBlock(title, subjectId, pair) {
    const prompt = promptText(subjectId);
    if (!prompt) {
      return block(title, [el("pre", { className: "muted", text: pair.localizer.startsWith("baseline/") ?
        pair.localizer + " is a spectrum-based baseline: it ranks lines by the tests' coverage and is sent no prompt." :
        "No prompt was recorded for this subject." })]);
    }
    const parts = [];
    if (prompt.system) parts.push(el("div", { className: "prompt-role", text: "system" }), el("pre", { text: prompt.system }));
    parts.push(el("div", { className: "prompt-role", text: "user" }), el("pre", { className: "prompt-user", text: prompt.user }));
    return block(title, parts);
  }

  function responseBlock(title, answer) {
    if (!answer) return null;
    const response = answer.response_key ? browser.responses[answer.response_key] : null;
    const parts = [el("div", { className: "prompt-role", text: "parsed answer" }),
      el("pre", { className: "parsed", text: JSON.stringify({ lines: answer.lines, status: answer.status, parsed_from: answer.parsed_from }) })];
    if (response) {
      parts.push(el("div", { className: "prompt-role", text: "answer text" }), el("pre", { className: "response-text", text: response[0] }));
      parts.push(el("div", { className: "prompt-role", text: "raw response" }), el("pre", { className: "response-raw", text: response[1] }));
    } else if (answer.error) {
      parts.push(el("div", { className: "prompt-role", text: "error" }), el("pre", { text: answer.error }));
    }
    return block(title, parts);
  }

  function renderPair(pair) {
    const view = document.getElementById("pair-view");
    const before = browser.sources[pair.faulty_id] || "";
    const after = browser.sources[pair.variant_id] || "";
    const switcher = el("div", { className: "view-switch", role: "group", "aria-label": "view" }, [
      el("button", { type: "button", className: state.view === "side" ? "on" : "", "data-view": "side", text: "side by side", onclick: function () { state.view = "side"; renderPair(pair); } }),
      el("button", { type: "button", className: state.view === "diff" ? "on" : "", "data-view": "diff", text: "diff", onclick: function () { state.view = "diff"; renderPair(pair); } }),
    ]);
    const panes = state.view === "side" ?
      el("div", { className: "panes" }, [pane("faulty program", "fault line " + pair.fault_lines_before.join(", "), "before", before, pair),
        pane("variant · " + pair.condition, "fault line " + pair.fault_lines_after.join(", "), "after", after, pair)]) :
      el("div", { className: "panes single" }, [diffPane(pair, before, after)]);
    const edits = el("ul", { className: "edits" }, pair.edits.map(function (edit) {
      return el("li", {}, [el("b", { text: edit.spm }), " at line " + edit.line + " (" + edit.fault_distance + " line" + (edit.fault_distance === 1 ? "" : "s") + " from the fault): " + edit.description]);
    }));
    view.replaceChildren(
      el("div", { className: "pair-head" }, [el("h3", { text: pair.program }), outcomeBadge(pair.outcome),
        el("span", { className: "pair-meta", text: [pair.language, pair.fault, pair.condition, pair.localizer, "draw " + pair.draw].concat(data.report.runs.length > 1 ? [pair.run] : []).join(" · ") })]),
      el("div", { className: "answers" }, [answerCard("before", "before the SPM", pair.before),
        answerCard("after", "after the SPM", pair.after),
        answerCard("control", "control: the same program asked again", pair.control)]),
      el("div", { className: "legend" }, [el("span", {}, [el("span", { className: "swatch sw-fault" }), "fault line"]),
        el("span", {}, [el("span", { className: "swatch sw-edit" }), "SPM edit"]),
        el("span", {}, [el("span", { className: "tag tag-B", text: "B" }), " answer before"]),
        el("span", {}, [el("span", { className: "tag tag-A", text: "A" }), " answer after"]),
        el("span", {}, [el("span", { className: "tag tag-C", text: "C" }), " control's answer"]), switcher]),
      panes,
      block("SPM edits (" + pair.edits.length + ")", [edits], false),
      promptBlock("Prompt as sent: the variant", pair.variant_id, pair),
      promptBlock("Prompt as sent: the faulty program (stage 1 and control)", pair.faulty_id, pair),
      responseBlock("Response after the SPM", pair.after),
      responseBlock("Response before the SPM", pair.before),
      responseBlock("Control's response", pair.control)
    );
    view.querySelectorAll(".code").forEach(function (code) {
      const target = code.querySelector(".ln.fault") || code.querySelector(".ln.pred-after");
      if (target) code.scrollTop = Math.max(0, target.offsetTop - code.offsetTop - code.clientHeight / 3);
    });
  }

  const download = document.getElementById("download-json");
  if (download) {
    download.addEventListener("click", function (event) {
      event.preventDefault();
      const blob = new Blob([JSON.stringify({ report: data.report, overview: data.overview, notes: data.notes, tables: data.tables }, null, 2)], { type: "application/json" });
      const link = el("a", { href: URL.createObjectURL(blob), download: "flipbench-report.json" });
      link.click();
    });
  }

  applyFilters();
})();
