package se.lotsen.consultation;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import se.lotsen.FreePort;
import se.lotsen.access.Account;
import se.lotsen.access.Accounts;
import se.lotsen.access.ApiTokens;
import se.lotsen.access.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An urgent question to the method developer notifies by e-mail (through a real SMTP server, GreenMail); an ordinary
 * question stays in the app. The e-mail names who asked, never a person a case is about.
 */
@SpringBootTest
@TestPropertySource(properties = "spring.mail.host=127.0.0.1")
class UrgentQuestionMailIT {

    private static final int SMTP_PORT = FreePort.find();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    Questions questions;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens apiTokens;

    private CurrentUser user(String username) {
        Account a = accounts.findByUsername(username).orElseThrow();
        return apiTokens.authenticate(apiTokens.issue(a.id()).token()).orElseThrow();
    }

    @Test
    void anUrgentQuestionIsEmailedToTheMethodDeveloperAndAnOrdinaryOneIsNot() throws Exception {
        questions.ask(null, "Hur gör vi med en vanlig fråga om rutinen?", false, user("rinkeby1"));
        assertThat(greenMail.getReceivedMessages()).isEmpty();

        questions.ask(null, "Brådskande: får vi kontakta UD i natt?", true, user("rinkeby1"));
        greenMail.waitForIncomingEmail(5000, 1);
        MimeMessage[] received = greenMail.getReceivedMessages();
        List<String> recipients = Arrays.stream(received).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(recipients).containsExactly("metod@lotsen.example");
        String text = received[0].getSubject() + "\n" + GreenMailUtil.getBody(received[0]);
        assertThat(text).contains("Johan Lund");
    }
}
