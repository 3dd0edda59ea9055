package dev.clipforge.common.config;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.EnumSet;
import java.util.Set;

final class OnRoleCondition implements Condition {
    static final String PROPERTY = "clipforge.roles";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var attrs = metadata.getAnnotationAttributes(ConditionalOnRole.class.getName());
        if (attrs == null) {
            return true;
        }
        ClipforgeProperties.Role role = (ClipforgeProperties.Role) attrs.get("value");
        return roles(Binder.get(context.getEnvironment())).contains(role);
    }

    static Set<ClipforgeProperties.Role> roles(Binder binder) {
        return binder.bind(PROPERTY, Bindable.setOf(ClipforgeProperties.Role.class))
                .orElse(EnumSet.allOf(ClipforgeProperties.Role.class));
    }
}
