package hotline.lab;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the tests that place robot calls: a fresh AMI session to the lab per test. */
public abstract class LabCalls {

    protected Lab lab;

    @BeforeEach
    final void connectToTheLab() {
        lab = Lab.connect();
    }

    @AfterEach
    final void disconnectFromTheLab() {
        lab.close();
    }
}
