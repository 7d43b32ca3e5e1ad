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
            + "promised_by, queue, recording, caller_id, waited_ms, state, attempts, due_at, request_key) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?) RETURNING id";

    /** A second request for a number that already waits: the one PENDING row takes the new details. */
    static final String MERGE = "UPDATE callbacks SET language = ?, reason = ?, promised_by = ?, queue = ?, "
            + "recording = ?, caller_id = ?, waited_ms = ?, request_key = COALESCE(?, request_key) "
            + "WHERE id = ? AND state = 'PENDING'";

    private CallbackRows() {}

    static void bindInsert(PreparedStatement st, NewCallback r, Instant createdAt, Instant promisedBy,
                           Instant dueAt, Optional<String> requestKey) throws SQLException {
        st.setLong(1, createdAt.toEpochMilli());
        st.setString(2, r.number().digits());
        st.setString(3, r.language());
        st.setString(4, r.reason());
        st.setLong(5, promisedBy.toEpochMilli());
        st.setString(6, r.queue().code());
        setOptional(st, 7, r.recording());
        setOptional(st, 8, r.caller().callerId());
        st.setLong(9, r.caller().waited().toMillis());
        st.setLong(10, dueAt.toEpochMilli());
        setOptional(st, 11, requestKey);
    }

    static void bindMerge(PreparedStatement st, long id, NewCallback merged, Instant promisedBy,
                          Optional<String> requestKey) throws SQLException {
        st.setString(1, merged.language());
        st.setString(2, merged.reason());
        st.setLong(3, promisedBy.toEpochMilli());
        st.setString(4, merged.queue().code());
        setOptional(st, 5, merged.recording());
        setOptional(st, 6, merged.caller().callerId());
        st.setLong(7, merged.caller().waited().toMillis());
        setOptional(st, 8, requestKey);
        st.setLong(9, id);
    }

    /**
     * A row as a request, every field checked as a new request's would be (a number of 3 to 20
     * digits, a language code, a file name, printable caller ID): nothing read back reaches
     * Asterisk unchecked. Throws {@link IllegalArgumentException} naming the bad field.
     */
    static CallbackRequest readChecked(ResultSet rs) throws SQLException {
        CallbackRequest r = read(rs);
        r.request(); // NewCallback's checks
        return r;
    }

    static CallbackRequest read(ResultSet rs) throws SQLException {
        String queue = rs.getString("queue");
        return new CallbackRequest(
                rs.getLong("id"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                CallbackNumber.of(rs.getString("callback_number")),
                rs.getString("language"),
                rs.getString("reason"),
                Instant.ofEpochMilli(rs.getLong("promised_by")),
                CallbackQueue.of(queue), // a name as a new request's would be, or IllegalArgumentException
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
