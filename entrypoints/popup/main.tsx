import { render } from 'preact';
import { Popup } from '@/src/ui/Popup';
import '@/src/ui/theme.css';
import '@/src/ui/card.css';
import '@/src/ui/popup.css';

render(<Popup />, document.getElementById('app') as HTMLElement);
