// The screen for where the patient is in the check-in.
import type { Screen } from './flow';
import { ConfirmScreen } from './screens/ConfirmScreen';
import { DoneScreen } from './screens/DoneScreen';
import { FindByCodeScreen } from './screens/FindByCodeScreen';
import { FindByNameScreen } from './screens/FindByNameScreen';
import { MessageScreen } from './screens/MessageScreen';
import { TooEarlyScreen } from './screens/TooEarlyScreen';
import { WelcomeScreen } from './screens/WelcomeScreen';

export function CheckInFlow({ screen, locationName }: { screen: Screen; locationName: string }) {
  switch (screen.name) {
    case 'welcome': return <WelcomeScreen locationName={locationName} />;
    case 'findByCode': return <FindByCodeScreen scannedCode={screen.scannedCode} />;
    case 'findByName': return <FindByNameScreen />;
    case 'confirm': return <ConfirmScreen appointment={screen.appointment} />;
    case 'done': return <DoneScreen appointment={screen.appointment} wasAlreadyCheckedIn={screen.wasAlreadyCheckedIn} />;
    case 'tooEarly': return <TooEarlyScreen appointment={screen.appointment} opensAt={screen.opensAt} />;
    case 'seeDesk': return <MessageScreen message="desk" />;
    case 'startOver': return <MessageScreen message="startOver" action="common.startOver" />;
    case 'problem': return <MessageScreen message="problem" action="problem.retry" />;
  }
}
