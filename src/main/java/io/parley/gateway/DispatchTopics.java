package io.parley.gateway;

import io.parley.account.AccountEvents.PasswordChanged;
import io.parley.account.AccountEvents.ProfileChanged;
import io.parley.account.AccountEvents.SessionEnded;
import io.parley.member.MemberEvents.MemberJoined;

import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Which cluster topics an event concerns: the nodes holding sessions for them are woken to
 * dispatch it at once (others see it at their next poll of the log). Guild events go to
 * {@code guild:ID}; events for one user's own sessions to {@code user:ID}. Add a case here
 * when a new event reaches sessions that are not in its guild; DM and relationship events are in
 * {@link SocialTopics}.
 */
final class DispatchTopics {
    private static final ClassValue<RecordComponent> GUILD_ID = new ClassValue<>() {
        @Override
        protected RecordComponent computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return null;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals("guildId")) {
                    return component;
                }
            }
            return null;
        }
    };

    private DispatchTopics() {
    }

    static String guild(long guildId) {
        return "guild:" + guildId;
    }

    static String user(long userId) {
        return "user:" + userId;
    }

    static List<String> of(Object event) {
        if (event instanceof ProfileChanged e) {
            return List.of(user(e.userId()));
        }
        if (event instanceof SessionEnded e) {
            return List.of(user(e.userId()));
        }
        if (event instanceof PasswordChanged e) {
            return List.of(user(e.userId()));
        }
        if (event instanceof MemberJoined e) {
            return List.of(guild(e.guildId()), user(e.userId()));
        }
        List<String> social = SocialTopics.of(event);
        if (social != null) {
            return social;
        }
        Long guildId = guildIdOf(event);
        return guildId == null ? List.of() : List.of(guild(guildId));
    }

    private static Long guildIdOf(Object event) {
        RecordComponent component = GUILD_ID.get(event.getClass());
        if (component == null) {
            return null;
        }
        try {
            Object value = component.getAccessor().invoke(event);
            return value instanceof Long id ? id : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
