import { startCardFrame } from '@/src/ui/CardFrame';
import '@/src/ui/card.css';
import '@/src/ui/card-frame.css';

startCardFrame(window, document.getElementById('card') as HTMLElement, new AbortController().signal);
