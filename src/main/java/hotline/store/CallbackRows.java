package hotline.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The callbacks table's columns, to and from {@link CallbackRequest}. */
final class CallbackRows {

    static final String COLUMNS = "id, created_at, callback_number, language, reason, promised_by, queue, "
            + "recording, caller_id, waited_ms, state, attempts, last_attempt_at, last_result";

    static final String INSERT = "INSERT INTO callbacks (created_at, callback_number, language, reason, "
            + "promised_by, queue, recording, caller_id, waited_ms, state, attempts, due_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?) RETURNING id";

    private CallbackRows() {}

    static void bindInsert(PreparedStatement st, NewCallback r, Instant createdAt, Instant promisedBy)
            throws SQLException {
        st.setLong(1, createdAt.toEpochMilli());
        st.setString(2, r.number().digits());
        st.setString(3, r.language());
        st.setString(4, r.reason());
        st.setLong(5, promisedBy.toEpochMilli());
        st.setString(6, r.queue().code());
        setOptional(st, 7, r.recording());
        setOptional(st, 8, r.caller().callerId());
        st.setLong(9, r.caller().waited().toMillis());
        st.setLong(10, createdAt.toEpochMilli());
    }

    static CallbackRequest read(ResultSet rs) throws SQLException {
        return new CallbackRequest(
                rs.getLong("id"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                CallbackNumber.of(rs.getString("callback_number")),
                rs.getString("language"),
                rs.getString("reason"),
                Instant.ofEpochMilli(rs.getLong("promised_by")),
                CallbackQueue.ofCode(rs.getString("queue")).orElseThrow(),
                Optional.ofNullable(rs.getString("recording")),
                new CallerDetails(Optional.ofNullable(rs.getString("caller_id")),
                        Duration.ofMillis(rs.getLong("waited_ms"))),
                CallbackState.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                instant(rs, "last_attempt_at"),
                Optional.ofNullable(rs.getString("last_result")));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    private static void setOptional(PreparedStatement st, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            st.setString(index, value.get());
        } else {
            st.setNull(index, Types.VARCHAR);
        }
    }
}
