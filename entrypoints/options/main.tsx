import { render } from 'preact';
import { Manager } from '@/src/ui/manager/Manager';
import '@/src/ui/theme.css';
import '@/src/ui/card.css';
import '@/src/ui/manager/manager.css';

render(<Manager />, document.getElementById('app') as HTMLElement);
