package org.clueexchange.core.workbench;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.clueexchange.api.ApiProblems;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.core.access.CoreUser;
import org.clueexchange.core.access.PersonalDataAccessLog;
import org.clueexchange.core.audit.ClueAudits;
import org.clueexchange.core.ledger.messages.FindLedgerEntry;
import org.clueexchange.core.ledger.query.LedgerEntryView;
import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.monthly.statement.StatementContent;
import org.clueexchange.core.reconciliation.query.StatementController.BreakResolutionRequest;
import org.clueexchange.core.reconciliation.query.StatementController.IssueRequest;
import org.clueexchange.core.reconciliation.query.StatementDocuments;
import org.clueexchange.core.reconciliation.query.StatementFormat;
import org.clueexchange.core.reconciliation.query.StatementView;
import org.clueexchange.core.reconciliation.query.Statements;
import org.clueexchange.core.reconciliation.statement.AgingBucket;
import org.clueexchange.core.reconciliation.statement.ReportTable;
import org.clueexchange.core.reconciliation.statement.StatementProgress;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.StatementId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The reconciliation officers' workbench (对账工作台): choose a jurisdiction and a period and issue its statement,
 * read it with its charts, work its breaks as a queue, follow a break to the clue's two timelines and audit trail,
 * explain it, download the statement, and go to the agency's adapter to confirm it. Every step goes through what
 * the API goes through (issuing, resolving, the documents, the access log), under the officer signed in.
 */
// Pages for people, not part of the API the core describes; the command line, which serves nothing, has none.
@Hidden
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping("/workbench")
class WorkbenchController {

    /** How many months and quarters back the period to issue can be chosen from. */
    private static final int MONTHS_OFFERED = 24;
    private static final int QUARTERS_OFFERED = 8;
    /** How many months the month-by-month chart reaches back over the statements issued. */
    private static final int MONTHS_CHARTED = 12;

    private final Statements statements;
    private final StatementDocuments documents;
    private final ClueAudits audits;
    private final QueryGateway queries;
    private final PersonalDataAccessLog accessLog;
    private final WorkbenchJurisdictions jurisdictions;
    private final WorkbenchProperties adapters;
    private final WorkbenchPages pages;
    private final Clock clock;

    WorkbenchController(Statements statements, StatementDocuments documents, ClueAudits audits, QueryGateway queries,
                        PersonalDataAccessLog accessLog, WorkbenchJurisdictions jurisdictions,
                        WorkbenchProperties adapters, WorkbenchPages pages, Clock clock) {
        this.statements = statements;
        this.documents = documents;
        this.audits = audits;
        this.queries = queries;
        this.accessLog = accessLog;
        this.jurisdictions = jurisdictions;
        this.adapters = adapters;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login() {
        return "workbench/login";
    }

    /** 选择辖区与期间: the jurisdictions within the officer's and the periods that have ended. */
    @GetMapping
    String home(@AuthenticationPrincipal CoreUser officer, Model model) {
        model.addAttribute("officer", officer);
        model.addAttribute("jurisdictions", jurisdictions.within(officer.jurisdiction()));
        YearMonth lastMonth = StatementPeriod.monthOf(clock.instant()).minusMonths(1);
        List<String> months = new ArrayList<>();
        for (int back = 0; back < MONTHS_OFFERED; back++) {
            months.add(lastMonth.minusMonths(back).toString());
        }
        List<String> quarters = new ArrayList<>();
        StatementPeriod quarter = StatementPeriod.containing(officer.jurisdiction(), Cadence.QUARTERLY,
                clock.instant()).previous();
        for (int back = 0; back < QUARTERS_OFFERED; back++, quarter = quarter.previous()) {
            quarters.add(quarter.name());
        }
        model.addAttribute("months", months);
        model.addAttribute("quarters", quarters);
        return "workbench/home";
    }

    /** Issues the statement as the API does; a refusal comes back to the choice with its reason. */
    @PostMapping("/statements")
    String issue(@Valid @ModelAttribute IssueRequest form, BindingResult binding,
                 @AuthenticationPrincipal CoreUser officer, RedirectAttributes redirect) {
        try {
            refuseInvalid(binding);
            if (!officer.covers(form.jurisdiction())) {
                throw RequestRefusedException.notPermitted("jurisdiction", "lies outside " + officer.id()
                        + "'s jurisdiction " + officer.jurisdiction());
            }
            StatementPeriod period = StatementPeriod.of(form.jurisdiction(), form.period());
            if (!statements.draws(period.cadence())) {
                throw RequestRefusedException.notFound("period", "the core draws up no "
                        + period.cadence().pathName() + " statements");
            }
            StatementView statement = statements.issue(period, officer.id(), StatementProgress.SILENT);
            accessLog.read(officer, path(statement) + " (issued)");
            return "redirect:/workbench/statements/" + statement.statementId();
        } catch (RequestRefusedException refused) {
            redirect.addFlashAttribute("refusal", refusal(refused));
            return "redirect:/workbench";
        }
    }

    /** 对账单: the heading, the charts and summary tables, and the breaks as a queue, narrowed as asked. */
    @GetMapping("/statements/{statementId}")
    String statement(@PathVariable String statementId, @RequestParam(required = false) String category,
                     @RequestParam(required = false) String side, @RequestParam(required = false) String aging,
                     @RequestParam(defaultValue = "oldest") String order,
                     @AuthenticationPrincipal CoreUser officer, Model model) {
        StatementView statement = withinReach(statementId, officer);
        BreakQueue queue = BreakQueue.of(statement);
        BreakQueue.Filter filter = filter(statement, category, side, aging, order);
        accessLog.read(officer, path(statement) + " (workbench)");
        model.addAttribute("officer", officer);
        model.addAttribute("statement", statement);
        model.addAttribute("period", StatementPeriod.of(StatementId.parse(statementId).orElseThrow()));
        model.addAttribute("queue", queue);
        model.addAttribute("shown", queue.filtered(filter));
        model.addAttribute("filter", filter);
        model.addAttribute("buckets", AgingBucket.values());
        model.addAttribute("charts", charts(statement, queue));
        model.addAttribute("confirmations", confirmations(statement));
        model.addAttribute("formats", List.of(StatementFormat.XLSX, StatementFormat.CSV, StatementFormat.HTML));
        model.addAttribute("echarts", pages.echartsScript());
        return "workbench/statement";
    }

    /** 线索详情: the clue's two timelines side by side, its time limits, anomalies and audit trail, and its breaks. */
    @GetMapping("/statements/{statementId}/clues/{clueId}")
    String clue(@PathVariable String statementId, @PathVariable String clueId,
                @AuthenticationPrincipal CoreUser officer, Model model) {
        StatementView statement = withinReach(statementId, officer);
        if (!clueId.matches(ClueEvents.CLUE_ID_PATTERN)) {
            throw RequestRefusedException.invalid("clueId", ClueEvents.CLUE_ID_RULE);
        }
        LedgerEntryView entry = queries.query(new FindLedgerEntry(clueId),
                        ResponseTypes.optionalInstanceOf(LedgerEntryView.class)).join()
                .filter(found -> Arrays.asList(found.sender(), found.receiver()).stream()
                        .anyMatch(agency -> agency != null && officer.covers(agency.jurisdiction())))
                .orElseThrow(() -> RequestRefusedException.notFound("clueId", "no clue " + clueId
                        + " is on the ledger within " + officer.id() + "'s reach"));
        model.addAttribute("audit", audits.audit(clueId, officer::covers).orElseThrow());
        accessLog.read(officer, "ledger/clues/" + clueId + " (workbench, with its audit)");
        model.addAttribute("officer", officer);
        model.addAttribute("statement", statement);
        model.addAttribute("entry", entry);
        model.addAttribute("breaks", BreakQueue.of(statement).items().stream()
                .filter(item -> clueId.equals(item.clueId())).toList());
        return "workbench/clue";
    }

    /** 差异说明: a note on a break, recorded under the officer signed in, as the API records it. */
    @PostMapping("/statements/{statementId}/resolutions")
    String resolve(@PathVariable String statementId, @Valid @ModelAttribute BreakResolutionRequest form,
                   BindingResult binding, @AuthenticationPrincipal CoreUser officer,
                   RedirectAttributes redirect) {
        StatementView statement = withinReach(statementId, officer);
        try {
            refuseInvalid(binding);
            statements.resolveBreak(statementId, form.clueId(), form.category(), form.note(), officer.id());
            accessLog.read(officer, path(statement) + " (break of " + form.clueId() + " explained)");
            redirect.addFlashAttribute("resolved", form.clueId());
        } catch (RequestRefusedException refused) {
            redirect.addFlashAttribute("refusal", refusal(refused));
        }
        return form.clueId() == null || !form.clueId().matches(ClueEvents.CLUE_ID_PATTERN)
                ? "redirect:/workbench/statements/" + statementId
                : "redirect:" + UriComponentsBuilder.fromPath("/workbench/statements/{statement}/clues/{clue}")
                .buildAndExpand(statementId, form.clueId()).encode().toUriString();
    }

    /** The statement as the API writes it: the workbook, the CSV file, the page to print. */
    @GetMapping("/statements/{statementId}/download")
    ResponseEntity<byte[]> download(@PathVariable String statementId, @RequestParam String format,
                                    @AuthenticationPrincipal CoreUser officer) {
        StatementFormat chosen;
        try {
            chosen = StatementFormat.of(format);
        } catch (IllegalArgumentException e) {
            throw RequestRefusedException.invalid("format", e.getMessage());
        }
        StatementView statement = withinReach(statementId, officer);
        accessLog.read(officer, path(statement) + "?format=" + chosen);
        ContentDisposition disposition = (chosen == StatementFormat.HTML ? ContentDisposition.inline()
                : ContentDisposition.attachment()).filename(chosen.fileName(statementId)).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(chosen.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(documents.write(statement, chosen));
    }

    private StatementView withinReach(String statementId, CoreUser officer) {
        if (StatementId.parse(statementId).isEmpty()) {
            throw RequestRefusedException.invalid("statementId", "must be a statement id like "
                    + "STATEMENT-530600-2020-06");
        }
        StatementView statement = statements.find(statementId).orElseThrow(() -> RequestRefusedException
                .notFound("statementId", "no statement " + statementId + " has been issued"));
        if (!officer.covers(statement.jurisdiction())) {
            throw RequestRefusedException.notPermitted("statementId", "is a statement of "
                    + statement.jurisdiction() + ", outside " + officer.id() + "'s jurisdiction");
        }
        return statement;
    }

    private static BreakQueue.Filter filter(StatementView statement, String category, String side, String aging,
                                            String order) {
        if (category != null && !category.isEmpty() && !statement.content().breakCategories().contains(category)) {
            throw RequestRefusedException.invalid("category", "is none of the break categories of a "
                    + statement.cadence().pathName() + " statement");
        }
        if (side != null && !side.isEmpty() && !side.matches("SENDER|RECEIVER|POLICE|DISCIPLINE|BOTH")) {
            throw RequestRefusedException.invalid("side", "must be SENDER, RECEIVER, POLICE, DISCIPLINE or BOTH");
        }
        AgingBucket bucket = null;
        if (aging != null && !aging.isEmpty()) {
            bucket = Arrays.stream(AgingBucket.values()).filter(found -> found.name().equals(aging)).findFirst()
                    .orElseThrow(() -> RequestRefusedException.invalid("aging", "must be one of "
                            + Arrays.toString(AgingBucket.values())));
        }
        if (!order.matches("oldest|newest")) {
            throw RequestRefusedException.invalid("order", "must be oldest or newest");
        }
        return new BreakQueue.Filter(blankAsNull(category), blankAsNull(side), bucket, order.equals("oldest"));
    }

    private List<StatementCharts.Chart> charts(StatementView statement, BreakQueue queue) {
        List<StatementCharts.Chart> charts = new ArrayList<>();
        charts.add(StatementCharts.breaksByAge(queue));
        List<ReportTable> summary = statement.content().summary();
        if (statement.content() instanceof StatementContent) {
            charts.add(StatementCharts.transfersByMonth(monthsOfTransfers(statement)));
            StatementCharts.ofTable("chart-outcomes", titled(summary, "办结结果"), List.of(3)).ifPresent(charts::add);
            StatementCharts.ofTable("chart-ranks", titled(summary, "涉及人员职级"), List.of(3)).ifPresent(charts::add);
        } else {
            StatementCharts.ofTable("chart-ranks", titled(summary, "涉案公职人员职级"), List.of(1, 2))
                    .ifPresent(charts::add);
            StatementCharts.ofTable("chart-umbrella", titled(summary, "保护伞查处比例"), List.of(1, 2))
                    .ifPresent(charts::add);
        }
        return charts;
    }

    /**
     * The clues transferred per direction in each of the months up to the statement's, as the statements issued
     * for those months count them; a month without a statement is left out rather than drawn as nought.
     */
    private List<StatementCharts.MonthOfTransfers> monthsOfTransfers(StatementView statement) {
        List<StatementCharts.MonthOfTransfers> months = new ArrayList<>();
        StatementPeriod period = StatementPeriod.of(StatementId.parse(statement.statementId()).orElseThrow());
        for (int back = 0; back < MONTHS_CHARTED; back++, period = period.previous()) {
            Optional<StatementView> issued = back == 0 ? Optional.of(statement) : statements.find(period.id());
            String month = period.name();
            issued.flatMap(found -> titled(found.content().summary(), "线索移送情况")).ifPresent(stages -> {
                int transferred = stages.columns().indexOf("移送 transferred 本月 month");
                Map<String, Long> byDirection = new LinkedHashMap<>();
                stages.rows().forEach(row -> byDirection.put(row.get(0).toString(),
                        ((Number) row.get(transferred)).longValue()));
                months.add(0, new StatementCharts.MonthOfTransfers(month, byDirection));
            });
        }
        return months;
    }

    private static Optional<ReportTable> titled(List<ReportTable> tables, String prefix) {
        return tables.stream().filter(table -> table.title().startsWith(prefix)).findFirst();
    }

    /** Where each agency's officer confirms the statement: its adapter's page, given the statement and digest. */
    private Map<String, URI> confirmations(StatementView statement) {
        Map<String, URI> links = new LinkedHashMap<>();
        link(links, "政法机关 Police", adapters.policeConfirmation(), statement);
        link(links, "纪检监察机关 Discipline", adapters.disciplineConfirmation(), statement);
        return links;
    }

    private static void link(Map<String, URI> links, String agency, URI page, StatementView statement) {
        if (page != null) {
            UriComponentsBuilder target = UriComponentsBuilder.fromUri(page)
                    .queryParam("statementId", statement.statementId()).queryParam("digest", statement.digest());
            if (statement.periodRoot() != null) {
                target.queryParam("root", statement.periodRoot().root());
            }
            links.put(agency, target.build().encode().toUri());
        }
    }

    private static void refuseInvalid(BindingResult binding) {
        if (binding.hasErrors()) {
            throw RequestRefusedException.invalid(binding.getFieldErrors().stream()
                    .map(error -> new ApiProblems.FieldError(error.getField(), error.getDefaultMessage())).toList());
        }
    }

    private static String refusal(RequestRefusedException refused) {
        return refused.errors().stream().map(error -> error.field() + ": " + error.message())
                .collect(Collectors.joining("; "));
    }

    private static String path(StatementView statement) {
        return "reconciliation/" + statement.cadence().pathName() + "/" + statement.statementId();
    }

    private static String blankAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
