package org.passerelle.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.referral.PartnerReferral.Vars;
import org.springframework.stereotype.Component;

/** Records whether the youth went to the first appointment; a no-show is an outcome of its own. */
@Component("recordAttendance")
public class RecordAttendance implements JavaDelegate {

    private final Referrals referrals;

    public RecordAttendance(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long referralId = (Long) execution.getVariable(Vars.REFERRAL_ID);
        boolean attended = Boolean.parseBoolean(String.valueOf(execution.getVariable(Vars.YOUTH_ATTENDED)));
        referrals.attended(referralId, attended);
        execution.setVariable(Vars.OUTCOME, attended ? PartnerReferral.Values.ACCEPTED_OUTCOME : PartnerReferral.Values.NO_SHOW_OUTCOME);
    }
}
