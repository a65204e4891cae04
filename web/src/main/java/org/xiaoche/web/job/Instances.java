package org.xiaoche.web.job;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xiaoche.web.system.XiaocheProperties;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * This process's name among the instances sharing one database, and whether another named instance is
 * still alive. The name is the configured {@code xiaoche.instance-name} plus a random suffix drawn at
 * start, so two processes never share one, even on one host or without {@code HOSTNAME}.
 * <p>
 * On PostgreSQL each process holds a session advisory lock keyed by its name on a connection it keeps
 * open for its whole life; the database drops the lock the moment the process dies (even by
 * {@code kill -9}), so "alive" is exact and needs no waiting for missed heartbeats. The embedded H2
 * database is opened by one process only, so there every other instance is dead.
 */
@Component
public class Instances {

    private static final Logger log = LoggerFactory.getLogger(Instances.class);

    private final String self;
    private final Connection lockConnection;

    public Instances(XiaocheProperties properties, DataSource dataSource) throws SQLException {
        this.self = properties.instanceName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Connection c = dataSource.getConnection();
        if (c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
                ps.setLong(1, lockKey(self));
                ps.execute();
            }
            lockConnection = c;
        } else {
            c.close();
            lockConnection = null;
        }
        log.info("this instance is {}", self);
    }

    /** This process's name, as stored in the {@code worker} column of the jobs it runs. */
    public String self() {
        return self;
    }

    /** Whether the instance named {@code name} is running now (this one always is). */
    public boolean isAlive(String name) {
        if (name == null) {
            return false;
        }
        if (name.equals(self)) {
            return true;
        }
        if (lockConnection == null) {
            return false;
        }
        synchronized (lockConnection) {
            try (PreparedStatement ps = lockConnection.prepareStatement(
                    "SELECT CASE WHEN pg_try_advisory_lock(?) THEN pg_advisory_unlock(?) AND false ELSE true END")) {
                long key = lockKey(name);
                ps.setLong(1, key);
                ps.setLong(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            } catch (SQLException e) {
                // Unsure: take it as alive, so a live instance's jobs are never failed; the queue's
                // heartbeat check still catches it if it is dead.
                log.warn("cannot tell whether instance {} is alive: {}", name, e.getClass().getName());
                return true;
            }
        }
    }

    /** 64 bits of the name's SHA-256: advisory locks take one bigint. */
    static long lockKey(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("xiaoche-instance:" + name).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void release() throws SQLException {
        if (lockConnection != null) {
            synchronized (lockConnection) {
                try (PreparedStatement ps = lockConnection.prepareStatement("SELECT pg_advisory_unlock_all()")) {
                    ps.execute();
                } finally {
                    lockConnection.close();
                }
            }
        }
    }
}
