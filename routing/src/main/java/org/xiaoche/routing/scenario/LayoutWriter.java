package org.xiaoche.routing.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The candidates list and the Pareto set as JSON and CSV, in their given order (ranked; by cost), with the
 * same bytes for the same values. Aggregates only: no student ids.
 */
public final class LayoutWriter {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private LayoutWriter() {
    }

    /** One returned layout: what the evaluator estimated and what the full re-plan gave. */
    public record ParetoRow(String name, String closures, double estimatedYearlyCost, double estimatedMeanJourney_s,
                            double estimatedP90Journey_s, double yearlyCost, Double meanJourney_s, Double p90Journey_s,
                            int buses, boolean feasible, boolean rulesValid, List<String> reasons) {
    }

    /** The rows of a study's points, with the full re-plan's figures from {@code comparison} (same order). */
    public static List<ParetoRow> rows(LayoutStudy.Result result, Comparison comparison) {
        List<ParetoRow> rows = new ArrayList<>();
        for (int i = 0; i < result.points().size(); i++) {
            LayoutStudy.Point p = result.points().get(i);
            Comparison.ScenarioComparison s = comparison.scenarios().get(i);
            rows.add(new ParetoRow(p.name(), p.estimate().choice().key(), p.estimate().yearlyCost(),
                    p.estimate().meanJourney_s(), p.estimate().p90Journey_s(), s.figures().yearlyCost(),
                    s.figures().journeys().mean_s(), s.figures().journeys().p90_s(), s.figures().buses(),
                    s.verdict().feasible(), s.figures().rulesValid(), s.verdict().reasons()));
        }
        return rows;
    }

    public static byte[] json(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] candidatesCsv(List<Candidates.Candidate> candidates) {
        StringBuilder out = new StringBuilder("school_id,name,teaching_point,students,receiving_school_id,yearly_cost_saved,"
                + "journey_added_mean_s,journey_added_max_s,feasible,cost_saved_per_minute_added,why_not\n");
        for (Candidates.Candidate c : candidates) {
            out.append(String.join(",", cell(c.schoolId()), cell(c.name()), String.valueOf(c.teachingPoint()),
                    String.valueOf(c.students()), cell(c.receivingSchoolId()), number(c.yearlyCostSaved()),
                    number(c.journeyAddedMean_s()), number(c.journeyAddedMax_s()), String.valueOf(c.feasible()),
                    number(c.costSavedPerMinuteAdded()), cell(String.join("; ", c.whyNot())))).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] paretoCsv(List<ParetoRow> rows) {
        StringBuilder out = new StringBuilder("name,closures,estimated_yearly_cost,estimated_mean_journey_s,"
                + "estimated_p90_journey_s,yearly_cost,mean_journey_s,p90_journey_s,buses,feasible,rules_valid,reasons\n");
        for (ParetoRow r : rows) {
            out.append(String.join(",", cell(r.name()), cell(r.closures()), number(r.estimatedYearlyCost()),
                    number(r.estimatedMeanJourney_s()), number(r.estimatedP90Journey_s()), number(r.yearlyCost()),
                    number(r.meanJourney_s()), number(r.p90Journey_s()), String.valueOf(r.buses()),
                    String.valueOf(r.feasible()), String.valueOf(r.rulesValid()),
                    cell(r.reasons().stream().collect(Collectors.joining("; "))))).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String cell(String text) {
        return CsvText.cell(text);
    }
}
