package dev.gateway.registry.plan;

import dev.gateway.registry.http.ConflictException;
import dev.gateway.problems.FieldError;
import dev.gateway.registry.http.ValidationException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

@Singleton
public class PlanService {

    private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9-]{1,30}$");
    private static final Pattern FEATURE = Pattern.compile("^[a-z][a-z0-9-]{0,40}$");

    private final PlanRepository plans;

    public PlanService(PlanRepository plans) {
        this.plans = plans;
    }

    public List<Plan> list() {
        return plans.findAllOrderByRatePerSecond();
    }

    public Optional<Plan> find(String key) {
        return key == null ? Optional.empty() : plans.findById(key);
    }

    @Transactional
    public Plan create(CreatePlanRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.key() == null || !KEY.matcher(request.key()).matches()) {
            errors.add(new FieldError("key", "key must match " + KEY.pattern()));
        }
        positive(errors, "rate_per_second", request.ratePerSecond());
        positive(errors, "burst", request.burst());
        positive(errors, "max_users", request.maxUsers());
        quota(errors, "max_projects", request.maxProjects());
        quota(errors, "max_storage_mb", request.maxStorageMb());
        List<String> features = request.features() == null ? List.of() : request.features();
        if (features.stream().anyMatch(f -> f == null || !FEATURE.matcher(f).matches())) {
            errors.add(new FieldError("features", "features must match " + FEATURE.pattern()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (plans.existsById(request.key())) {
            throw new ConflictException("plan-exists", "plan '" + request.key() + "' already exists");
        }
        return plans.save(new Plan(request.key(), request.ratePerSecond(), request.burst(), request.maxUsers(),
                orUnlimited(request.maxProjects()), orUnlimited(request.maxStorageMb()), features.toArray(String[]::new), Instant.now(), Boolean.TRUE.equals(request.selfService())));
    }

    /** A quota: 0 (or none given) is unlimited. */
    static void quota(List<FieldError> errors, String field, Integer value) {
        if (value != null && (value < 0 || value > 1_000_000)) {
            errors.add(new FieldError(field, field + " must be between 0 (unlimited) and 1000000"));
        }
    }

    private static int orUnlimited(Integer quota) {
        return quota == null ? 0 : quota;
    }

    static void positive(List<FieldError> errors, String field, Integer value) {
        if (value == null || value < 1 || value > 1_000_000) {
            errors.add(new FieldError(field, field + " must be between 1 and 1000000"));
        }
    }
}
